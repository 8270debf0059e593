export default function RedeemPage() {
  return <h1>Redeem</h1>;
}
