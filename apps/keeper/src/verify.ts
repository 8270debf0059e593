import { blockEtfAbi, blockEtfLensAbi, blockEtfRebalancerAbi, blockEtfRouterAbi } from "@blocketf/abi";
import { decodeBlockEtfError } from "@blocketf/sdk";
import {
  type Address,
  BaseError,
  type Client,
  ContractFunctionRevertedError,
  isAddressEqual,
  parseEther,
} from "viem";
import { getCode, readContract, simulateContract } from "viem/actions";
import { KeeperConfigError } from "./config.js";

export type VerifyAddressesParameters = {
  readonly fund: Address;
  readonly lens: Address;
  readonly rebalancer: Address;
  readonly router?: Address | undefined;
};

export type VerifyAddressesReturnType = {
  /** The fund's `keeper()`: who the dry run simulates as when it has no key. */
  readonly keeper: Address;
};

/**
 * Checks, before the first tick, that each address is what it claims: the fund answers as a BlockETF fund
 * (`assetCount`, `rebalanceThresholdBps`, `keeper`), the lens as the BlockETFLens (its `getFund(fund)`
 * names the fund), the rebalancer points at the fund (`FUND()`), the router (if given) quotes for it. A
 * wrong one is a KeeperConfigError naming it (exit 2), instead of ticks that fail and retry forever. A
 * network failure is thrown as it is, for the caller to retry.
 */
export async function verifyAddresses(
  client: Client,
  p: VerifyAddressesParameters,
): Promise<VerifyAddressesReturnType> {
  const keeper = await claim("--fund", p.fund, "a BlockETF fund", client, async () => {
    const [assetCount, , keeper] = await Promise.all([
      readContract(client, { address: p.fund, abi: blockEtfAbi, functionName: "assetCount" }),
      readContract(client, { address: p.fund, abi: blockEtfAbi, functionName: "rebalanceThresholdBps" }),
      readContract(client, { address: p.fund, abi: blockEtfAbi, functionName: "keeper" }),
    ]);
    if (assetCount === 0n) return { wrong: "it holds no assets" };
    return { ok: keeper };
  });
  await claim("--lens", p.lens, "the BlockETFLens", client, async () => {
    const view = await readContract(client, {
      address: p.lens,
      abi: blockEtfLensAbi,
      functionName: "getFund",
      args: [p.fund],
    });
    return isAddressEqual(view.fund, p.fund) ? { ok: true } : { wrong: `its getFund names ${view.fund}` };
  });
  await claim("--rebalancer", p.rebalancer, "the fund's BlockETFRebalancer", client, async () => {
    const fund = await readContract(client, {
      address: p.rebalancer,
      abi: blockEtfRebalancerAbi,
      functionName: "FUND",
    });
    return isAddressEqual(fund, p.fund) ? { ok: true } : { wrong: `it points at the fund ${fund}` };
  });
  const router = p.router;
  if (router !== undefined) {
    await claim("--router", router, "a BlockETFRouter", client, async () => {
      try {
        // A quote (nonpayable, never sent): simulated.
        await simulateContract(client, {
          address: router,
          abi: blockEtfRouterAbi,
          functionName: "quoteRedeemToStable",
          args: [p.fund, parseEther("1")],
        });
      } catch (error: unknown) {
        // Any revert with a reason (a typed BlockETF error, a pool's string) is the router answering for
        // this fund; a contract without the function reverts with no data at all.
        if (!revertedWithData(error)) throw error;
      }
      return { ok: true };
    });
  }
  return { keeper };
}

type Verdict<T> = { readonly ok: T } | { readonly wrong: string };

async function claim<T>(
  flag: string,
  address: Address,
  what: string,
  client: Client,
  check: () => Promise<Verdict<T>>,
): Promise<T> {
  const code = await getCode(client, { address });
  if (code === undefined || code === "0x") {
    throw new KeeperConfigError(
      `${flag} ${address} is not ${what}: no contract at that address on this chain`,
    );
  }
  let verdict: Verdict<T>;
  try {
    verdict = await check();
  } catch (error: unknown) {
    const typed = decodeBlockEtfError(error);
    if (typed.name === "NetworkError") throw typed;
    throw new KeeperConfigError(
      `${flag} ${address} is not ${what}: it does not answer as one (${typed.shortMessage})`,
    );
  }
  if ("wrong" in verdict) throw new KeeperConfigError(`${flag} ${address} is not ${what}: ${verdict.wrong}`);
  return verdict.ok;
}

/** True for a revert that carries data (a custom error, a reason string); false for an empty revert or anything else. */
function revertedWithData(error: unknown): boolean {
  if (!(error instanceof BaseError)) return false;
  const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError);
  if (!(reverted instanceof ContractFunctionRevertedError)) return false;
  // `raw` is the revert data as the node returned it: a selector and arguments, or none ("0x").
  return reverted.raw !== undefined && reverted.raw !== "0x";
}
