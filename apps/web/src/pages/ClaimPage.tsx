export default function ClaimPage() {
  return <h1>Claim</h1>;
}
