import type { Hash } from "viem";
import { useNetwork } from "../config/context.js";
import { shortAddress } from "../lib/format.js";

/** A transaction hash: a link to the explorer on BNB Chain, the short hash on the devnet. */
export function TxLink({ hash }: { hash: Hash }) {
  const { explorer } = useNetwork();
  if (explorer === undefined) return <code title={hash}>{shortAddress(hash)}</code>;
  return (
    <a href={`${explorer}/tx/${hash}`} target="_blank" rel="noreferrer" title={hash}>
      {shortAddress(hash)}
      <span className="visually-hidden"> (opens the block explorer)</span>
    </a>
  );
}

/** An address: a link to the explorer on BNB Chain. */
export function AddressLink({ address }: { address: string }) {
  const { explorer } = useNetwork();
  if (explorer === undefined) return <code title={address}>{shortAddress(address)}</code>;
  return (
    <a href={`${explorer}/address/${address}`} target="_blank" rel="noreferrer" title={address}>
      {shortAddress(address)}
    </a>
  );
}
