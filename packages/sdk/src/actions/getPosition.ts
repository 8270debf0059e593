import { blockEtfAbi, blockEtfLensAbi } from "@blocketf/abi";
import type { Address, Client } from "viem";
import { readContract } from "viem/actions";
import type { BlockEtfError } from "../errors/base.js";
import { typed } from "./internal.js";

export type GetPositionParameters = {
  readonly lens: Address;
  readonly fund: Address;
  readonly holder: Address;
};

export type GetPositionReturnType = {
  /** {share} The holder's balance. */
  readonly shares: bigint;
  /** {share} The fund's supply. */
  readonly totalSupply: bigint;
  /** D18{USD/share} NAV per share at oracle prices, Venus interest accrued to this block. */
  readonly navPerShare: bigint;
  /** D18{USD} shares × NAV per share, rounded down. */
  readonly valueUsd: bigint;
  /** {bps} The holder's part of the fund, rounded down. */
  readonly shareOfFundBps: bigint;
  /** {tok} What an in-kind redeem of every share pays per asset now, after the redeem fee, basket order. */
  readonly redeemable: readonly bigint[];
};

export type GetPositionErrorType = BlockEtfError;

/** A holder's shares, their value at NAV and what redeeming them all pays now, read at one block. */
export async function getPosition(client: Client, p: GetPositionParameters): Promise<GetPositionReturnType> {
  const blockNumber = await typed(client, client.request({ method: "eth_blockNumber" }).then(BigInt));
  const at = { blockNumber } as const;
  const [shares, totalSupply, navPerShare] = await typed(
    client,
    Promise.all([
      readContract(client, {
        address: p.fund,
        abi: blockEtfAbi,
        functionName: "balanceOf",
        args: [p.holder],
        ...at,
      }),
      readContract(client, { address: p.fund, abi: blockEtfAbi, functionName: "totalSupply", ...at }),
      readContract(client, {
        address: p.lens,
        abi: blockEtfLensAbi,
        functionName: "navPerShare",
        args: [p.fund],
        ...at,
      }),
    ]),
    { fund: p.fund },
  );
  const redeemable =
    shares === 0n
      ? []
      : await typed(
          client,
          readContract(client, {
            address: p.lens,
            abi: blockEtfLensAbi,
            functionName: "previewRedeem",
            args: [p.fund, shares],
            ...at,
          }),
          { fund: p.fund },
        );
  return {
    shares,
    totalSupply,
    navPerShare,
    // D18{USD} = {share} * D18{USD/share} / 1e18
    valueUsd: (shares * navPerShare) / 10n ** 18n,
    shareOfFundBps: totalSupply === 0n ? 0n : (shares * 10_000n) / totalSupply,
    redeemable,
  };
}
