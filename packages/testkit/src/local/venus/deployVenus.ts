// Deploys Venus's real core pool (Unitroller + Diamond + facets, vTokens, JumpRateModel, ACM,
// DeviationBoundedOracle) from Venus's published artifacts onto a local chain, following
// docs/venus-integration.md §1.2.
// The ABIs and bytecode come from `./generated/`, written by `scripts/fetchVenusArtifacts.ts`
// (`npm run setup -w @blocketf/testkit`); nothing here is hand-written.
//
// Venus admin setters return error codes instead of reverting, so every admin call is first simulated
// (eth_call) and its returned code asserted to be 0; only then is it sent.
import { wrappedBNBAbi, wrappedBNBBytecode } from "@blocketf/abi";
import { TransactionRevertedError, write } from "@blocketf/sdk";
import {
  type Abi,
  type AbiFunction,
  type Account,
  type Address,
  type Chain,
  type ContractFunctionName,
  decodeAbiParameters,
  type EncodeDeployDataParameters,
  type EncodeFunctionDataParameters,
  encodeDeployData,
  encodeFunctionData,
  type Hex,
  maxUint256,
  type PublicClient,
  parseUnits,
  type TransactionReceipt,
  type Transport,
  toFunctionSelector,
  type WalletClient,
  zeroAddress,
} from "viem";
import { accessControlManagerAbi, accessControlManagerBytecode } from "./generated/accessControlManager.js";
import { comptrollerLensAbi, comptrollerLensBytecode } from "./generated/comptrollerLens.js";
import {
  deviationBoundedOracleAbi,
  deviationBoundedOracleBytecode,
} from "./generated/deviationBoundedOracle.js";
import { diamondAbi, diamondBytecode } from "./generated/diamond.js";
import { diamondConsolidatedAbi } from "./generated/diamondConsolidated.js";
import { flashLoanFacetAbi, flashLoanFacetBytecode } from "./generated/flashLoanFacet.js";
import { iFacetBaseAbi } from "./generated/iFacetBase.js";
import { iFlashLoanFacetAbi } from "./generated/iFlashLoanFacet.js";
import { iMarketFacetAbi } from "./generated/iMarketFacet.js";
import { iPolicyFacetAbi } from "./generated/iPolicyFacet.js";
import { iRewardFacetAbi } from "./generated/iRewardFacet.js";
import { iSetterFacetAbi } from "./generated/iSetterFacet.js";
import { jumpRateModelAbi, jumpRateModelBytecode } from "./generated/jumpRateModel.js";
import { marketFacetAbi, marketFacetBytecode } from "./generated/marketFacet.js";
import { mockTokenAbi, mockTokenBytecode } from "./generated/mockToken.js";
import { policyFacetAbi, policyFacetBytecode } from "./generated/policyFacet.js";
import { proxyAdminAbi, proxyAdminBytecode } from "./generated/proxyAdmin.js";
import { rewardFacetAbi, rewardFacetBytecode } from "./generated/rewardFacet.js";
import { setterFacetAbi, setterFacetBytecode } from "./generated/setterFacet.js";
import { simplePriceOracleAbi, simplePriceOracleBytecode } from "./generated/simplePriceOracle.js";
import {
  transparentUpgradeableProxyAbi,
  transparentUpgradeableProxyBytecode,
} from "./generated/transparentUpgradeableProxy.js";
import { unitrollerAbi, unitrollerBytecode } from "./generated/unitroller.js";
import { vBep20DelegateAbi, vBep20DelegateBytecode } from "./generated/vBep20Delegate.js";
import { vBep20DelegatorAbi, vBep20DelegatorBytecode } from "./generated/vBep20Delegator.js";
import { vbnbAbi, vbnbBytecode } from "./generated/vbnb.js";

// ---------------------------------------------------------------------------------------------------
// Types, constants, errors
// ---------------------------------------------------------------------------------------------------

/** The key Venus's oracles use for native BNB (`NATIVE_TOKEN_ADDR`); also the `underlying` of vBNB here. */
export const NATIVE_BNB: Address = "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB";
/** BNB Chain mainnet's `blocksPerYear` (3 s → 0.45 s blocks; the `_bpy70080000` rate models). */
export const BSC_BLOCKS_PER_YEAR = 70_080_000n;
/** Venus's per-block borrow-rate ceiling (`borrowRateMaxMantissa`); accrueInterest reverts above it. */
export const VENUS_BORROW_RATE_MAX_PER_BLOCK = 5_000_000_000_000n;
/** The core pool's id in the comptroller's pool registry. */
export const CORE_POOL_ID = 0n;

const E18 = 10n ** 18n;

/** Venus's `Action` enum (`actionPaused(market, action)`). */
export const VenusAction = {
  MINT: 0,
  REDEEM: 1,
  BORROW: 2,
  REPAY: 3,
  SEIZE: 4,
  LIQUIDATE: 5,
  TRANSFER: 6,
  ENTER_MARKET: 7,
  EXIT_MARKET: 8,
} as const;
export type VenusAction = (typeof VenusAction)[keyof typeof VenusAction];

/** A Venus deploy or admin call failed: it reverted, or returned a non-zero Venus error code. */
export class VenusDeployError extends Error {
  override readonly name = "VenusDeployError";
  constructor(
    /** e.g. `comptroller._supportMarket` */
    readonly call: string,
    /** The Venus error code returned (ComptrollerErrorReporter / TokenErrorReporter), if any. */
    readonly code: bigint | undefined,
    message: string,
    options?: { cause: unknown },
  ) {
    super(message, options);
  }
}

/** The requested configuration cannot work on Venus (caught before anything is sent). */
export class VenusConfigError extends Error {
  override readonly name = "VenusConfigError";
}

export type VenusPublicClient = PublicClient<Transport, Chain | undefined>;
export type VenusWalletClient = WalletClient<Transport, Chain | undefined, Account>;

/** The clients every function here sends with: reads and simulations go to `publicClient`. */
export type VenusClients = {
  readonly publicClient: VenusPublicClient;
  /** Sends from `walletClient.account` (the Venus admin for deploy and admin helpers). */
  readonly walletClient: VenusWalletClient;
};

/** JumpRateModel parameters, per year, 1e18-scaled. */
export type JumpRateModelConfig = {
  readonly baseRatePerYear: bigint;
  readonly multiplierPerYear: bigint;
  readonly jumpMultiplierPerYear: bigint;
  readonly kink: bigint;
};

/** Close to mainnet's stablecoin curves: 0 base, 10 %/yr slope to an 80 % kink, 250 %/yr jump. */
export const DEFAULT_RATE_MODEL: JumpRateModelConfig = {
  baseRatePerYear: 0n,
  multiplierPerYear: E18 / 10n,
  jumpMultiplierPerYear: (5n * E18) / 2n,
  kink: (8n * E18) / 10n,
};

export type VenusMarketConfig = {
  /** The underlying's symbol: the key of `vTokens`/`markets`; the vToken is `v<symbol>`. */
  readonly symbol: string;
  /** ERC-20 underlying, or `NATIVE_BNB` for the native market (deployed as VBNB, symbol `vBNB`). */
  readonly underlying: Address;
  /** Underlying decimals (18 for BNB). */
  readonly decimals: number;
  /** USD price as a decimal string or number, e.g. `"60000"`, `0.52`. */
  readonly usdPrice: string | number;
  /** 1e18-scaled; default 0.75e18. */
  readonly collateralFactor?: bigint;
  /** 1e18-scaled; default 0.8e18. Venus requires cf ≤ lt and lt × incentive < 1. */
  readonly liquidationThreshold?: bigint;
  /** 1e18-scaled; default 1.1e18. */
  readonly liquidationIncentive?: bigint;
  /** In underlying units; default unlimited (max uint256). 0 disables minting. */
  readonly supplyCap?: bigint;
  /** In underlying units; default unlimited (max uint256). 0 disables borrowing. */
  readonly borrowCap?: bigint;
  /** 1e18-scaled; default 0.1e18. */
  readonly reserveFactor?: bigint;
  /** Default 0.02 underlying per vToken: 2 × 10^(decimals + 8). */
  readonly initialExchangeRate?: bigint;
  /** Default: the deployment's `rateModel`. Markets with equal parameters share one contract. */
  readonly rateModel?: JumpRateModelConfig;
  /** Default true. */
  readonly borrowAllowed?: boolean;
};

export type DeployVenusConfig = {
  readonly markets: readonly VenusMarketConfig[];
  /**
   * Blocks per year baked into every rate model (default BNB Chain's 70,080,000). Lower it to compress
   * time in tests: interest per mined block scales with 1/blocksPerYear. The borrow rate at 100 %
   * utilisation divided by this must stay ≤ 5e12 per block (checked; docs/venus-integration.md §6.5).
   */
  readonly blocksPerYear?: bigint;
  /** Default `DEFAULT_RATE_MODEL`. */
  readonly rateModel?: JumpRateModelConfig;
  /** Default 0.5e18. */
  readonly closeFactor?: bigint;
};

export type VenusMarket = {
  readonly symbol: string;
  readonly vToken: Address;
  /** `NATIVE_BNB` for vBNB. */
  readonly underlying: Address;
  readonly decimals: number;
  readonly native: boolean;
  readonly interestRateModel: Address;
};

export type VenusDeployStats = {
  readonly transactions: number;
  readonly contractsCreated: number;
  readonly gasUsed: bigint;
  readonly milliseconds: number;
};

export type VenusDeployment = {
  /** The Unitroller: the comptroller address every vToken and integrator uses (talk to it with `diamondConsolidatedAbi`). */
  readonly comptroller: Address;
  /** The Diamond implementation behind the Unitroller. */
  readonly diamond: Address;
  readonly facets: {
    readonly market: Address;
    readonly policy: Address;
    readonly reward: Address;
    readonly setter: Address;
    readonly flashLoan: Address;
  };
  readonly accessControlManager: Address;
  /** SimplePriceOracle (the comptroller's spot oracle; `setDirectPrice`). */
  readonly oracle: Address;
  /** DeviationBoundedOracle behind a TransparentUpgradeableProxy (pass-through: no per-asset config). */
  readonly deviationBoundedOracle: Address;
  readonly deviationBoundedOracleImplementation: Address;
  readonly proxyAdmin: Address;
  readonly lens: Address;
  /** The shared VBep20Delegate implementation (zero when no ERC-20 market was deployed). */
  readonly vBep20Delegate: Address;
  readonly blocksPerYear: bigint;
  /** Market symbol → its rate model. */
  readonly interestRateModels: Readonly<Record<string, Address>>;
  /** Market symbol (underlying symbol, e.g. "USDT", "BNB") → vToken. */
  readonly vTokens: Readonly<Record<string, Address>>;
  readonly markets: Readonly<Record<string, VenusMarket>>;
  /** The admin (deployer) account. */
  readonly admin: Address;
  readonly stats: VenusDeployStats;
};

// ---------------------------------------------------------------------------------------------------
// Transaction runner: simulate, assert the Venus error code, send, confirm
// ---------------------------------------------------------------------------------------------------

function shortMessage(error: unknown): string {
  if (typeof error === "object" && error !== null && "shortMessage" in error) {
    const value = (error as { shortMessage: unknown }).shortMessage;
    if (typeof value === "string") return value;
  }
  return error instanceof Error ? error.message : String(error);
}

function findFunction(abi: Abi, data: Hex): AbiFunction | undefined {
  const selector = data.slice(0, 10).toLowerCase();
  for (const item of abi) {
    if (item.type === "function" && toFunctionSelector(item) === selector) return item;
  }
  return undefined;
}

/** Decodes a Venus error code from a simulated return value: a single uint256, or every element of a uint256[]. */
function returnedCodes(fn: AbiFunction | undefined, data: Hex | undefined): bigint[] {
  if (fn === undefined || data === undefined || data === "0x" || fn.outputs.length !== 1) return [];
  const output = fn.outputs[0];
  if (output?.type === "uint256") {
    const [code] = decodeAbiParameters([output], data);
    return typeof code === "bigint" ? [code] : [];
  }
  if (output?.type === "uint256[]") {
    const [codes] = decodeAbiParameters([output], data);
    return Array.isArray(codes) ? codes.filter((c): c is bigint => typeof c === "bigint") : [];
  }
  return [];
}

/** Sends transactions from one wallet, checking each; counts transactions, creations and gas. */
export class VenusTxRunner {
  transactions = 0;
  contractsCreated = 0;
  gasUsed = 0n;

  constructor(readonly clients: VenusClients) {}

  get account(): Address {
    return this.clients.walletClient.account.address;
  }

  /**
   * Sends through the SDK's `write` (simulated, estimated, padded with the SDK's one policy, confirmed;
   * interval mining included) and counts the transaction and its gas. The padding matters here: anvil
   * estimates against the latest block, where a vToken whose interest was already accrued in that block
   * skips `accrueInterest`'s work; mined in the next block the call does the full accrual (seen on borrow
   * and on a vBNB redeem, ~114k estimated, ~133k used).
   */
  private async send(
    call: string,
    to: Address | undefined,
    data: Hex,
    value: bigint | undefined,
  ): Promise<TransactionReceipt> {
    let receipt: TransactionReceipt;
    try {
      ({ receipt } = await write(this.clients.walletClient, { request: { to, data, value } }));
    } catch (error: unknown) {
      const reverted = error instanceof TransactionRevertedError;
      throw new VenusDeployError(
        call,
        undefined,
        reverted ? `${call}: transaction reverted` : `${call}: send failed: ${shortMessage(error)}`,
        { cause: error },
      );
    }
    this.transactions += 1;
    this.gasUsed += receipt.gasUsed;
    return receipt;
  }

  /** Deploys a contract and returns its address. */
  async deploy<const abi extends Abi>(
    name: string,
    parameters: EncodeDeployDataParameters<abi>,
  ): Promise<Address> {
    const call = `deploy ${name}`;
    const data = encodeDeployData<abi>(parameters);
    const receipt = await this.send(call, undefined, data, undefined);
    const address = receipt.contractAddress;
    if (address === null || address === undefined) {
      throw new VenusDeployError(call, undefined, `${call}: no contract address in the receipt`);
    }
    this.contractsCreated += 1;
    return address;
  }

  /**
   * Simulates the call, throws `VenusDeployError` if it reverts or returns a non-zero Venus error code
   * (a uint256 result, or any element of a uint256[] result), then sends it and checks the receipt.
   * `label` names the target, e.g. "comptroller", "vUSDT".
   */
  async write<const abi extends Abi, functionName extends ContractFunctionName<abi>>(
    label: string,
    to: Address,
    parameters: EncodeFunctionDataParameters<abi, functionName>,
    value?: bigint,
  ): Promise<TransactionReceipt> {
    const data = encodeFunctionData<abi, functionName>(parameters);
    const wide: Abi = parameters.abi;
    const fn = findFunction(wide, data);
    const call = `${label}.${fn?.name ?? data.slice(0, 10)}`;
    const { publicClient, walletClient } = this.clients;
    let returned: Hex | undefined;
    try {
      // Simulate in the pending block: the environment (block number) the transaction will run in.
      const result = await publicClient.call({
        account: walletClient.account,
        blockTag: "pending",
        to,
        data,
        ...(value === undefined ? {} : { value }),
      });
      returned = result.data;
    } catch (error: unknown) {
      throw new VenusDeployError(call, undefined, `${call} reverted in simulation: ${shortMessage(error)}`, {
        cause: error,
      });
    }
    for (const code of returnedCodes(fn, returned)) {
      if (code !== 0n) throw new VenusDeployError(call, code, `${call} returned Venus error code ${code}`);
    }
    return this.send(call, to, data, value);
  }
}

// ---------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------

/** Price mantissa for Venus oracles: USD × 1e36 / 10^decimals (a $1 18-decimal token is 1e18). */
export function venusPriceMantissa(usdPrice: string | number, decimals: number): bigint {
  const text = typeof usdPrice === "number" ? String(usdPrice) : usdPrice.trim();
  if (!/^\d+(\.\d+)?$/.test(text)) {
    throw new VenusConfigError(`price "${text}" must be a plain non-negative decimal (no exponent)`);
  }
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 36) {
    throw new VenusConfigError(`decimals ${decimals} out of range`);
  }
  return parseUnits(text, 36 - decimals);
}

/** Default initial exchange rate: 0.02 underlying per vToken (8 decimals), scaled 1e(18 + decimals − 8). */
export function defaultInitialExchangeRate(decimals: number): bigint {
  return 2n * 10n ** BigInt(decimals + 8);
}

/** The borrow rate per block at 100 % utilisation. */
export function maxBorrowRatePerBlock(model: JumpRateModelConfig, blocksPerYear: bigint): bigint {
  const perYear =
    model.baseRatePerYear +
    (model.multiplierPerYear * model.kink) / E18 +
    (model.jumpMultiplierPerYear * (E18 - model.kink)) / E18;
  return perYear / blocksPerYear;
}

function modelKey(model: JumpRateModelConfig): string {
  return [model.baseRatePerYear, model.multiplierPerYear, model.jumpMultiplierPerYear, model.kink].join(":");
}

function facetSelectors(abi: Abi): Hex[] {
  return abi
    .filter((item): item is AbiFunction => item.type === "function")
    .map((f) => toFunctionSelector(f));
}

/** ACM permissions granted to the admin on the Unitroller (docs/venus-integration.md §1.2 step 6). */
const COMPTROLLER_PERMISSIONS = [
  "_supportMarket(address)",
  "setCollateralFactor(address,uint256,uint256)",
  "setLiquidationIncentive(address,uint256)",
  "_setMarketSupplyCaps(address[],uint256[])",
  "_setMarketBorrowCaps(address[],uint256[])",
  "_setActionsPaused(address[],uint8[],bool)",
  "setIsBorrowAllowed(uint96,address,bool)",
  "setDeviationBoundedOracle(address)",
  "_setProtocolPaused(bool)",
] as const;
/** ACM permissions granted on every contract (address(0) wildcard), for vToken-side setters. */
const VTOKEN_PERMISSIONS = [
  "_setReserveFactor(uint256)",
  "setReduceReservesBlockDelta(uint256)",
  "_setInterestRateModel(address)",
] as const;

function validate(config: DeployVenusConfig, blocksPerYear: bigint, defaultModel: JumpRateModelConfig): void {
  if (blocksPerYear <= 0n) throw new VenusConfigError("blocksPerYear must be positive");
  const seen = new Set<string>();
  let natives = 0;
  for (const market of config.markets) {
    if (seen.has(market.symbol)) throw new VenusConfigError(`duplicate market ${market.symbol}`);
    seen.add(market.symbol);
    if (market.underlying.toLowerCase() === NATIVE_BNB.toLowerCase()) {
      natives += 1;
      if (market.decimals !== 18) throw new VenusConfigError("the native BNB market has 18 decimals");
    }
    const model = market.rateModel ?? defaultModel;
    const rate = maxBorrowRatePerBlock(model, blocksPerYear);
    if (rate > VENUS_BORROW_RATE_MAX_PER_BLOCK) {
      throw new VenusConfigError(
        `${market.symbol}: borrow rate at 100% utilisation is ${rate}/block, above Venus's cap ` +
          `${VENUS_BORROW_RATE_MAX_PER_BLOCK}; raise blocksPerYear (${blocksPerYear}) or lower the rates`,
      );
    }
    const cf = market.collateralFactor ?? (75n * E18) / 100n;
    const lt = market.liquidationThreshold ?? (80n * E18) / 100n;
    const li = market.liquidationIncentive ?? (110n * E18) / 100n;
    if (cf > lt)
      throw new VenusConfigError(`${market.symbol}: collateral factor above liquidation threshold`);
    if ((lt * li) / E18 >= E18) {
      throw new VenusConfigError(`${market.symbol}: liquidationThreshold × liquidationIncentive must be < 1`);
    }
  }
  if (natives > 1) throw new VenusConfigError("at most one native BNB market");
}

// ---------------------------------------------------------------------------------------------------
// deployVenus
// ---------------------------------------------------------------------------------------------------

/**
 * Deploys and configures Venus's core pool, sending every transaction from `walletClient.account`
 * (who becomes the admin). Follows docs/venus-integration.md §1.2; each admin call is simulated and must
 * return 0.
 */
export async function deployVenus(
  clients: VenusClients,
  config: DeployVenusConfig,
): Promise<VenusDeployment> {
  const started = performance.now();
  const blocksPerYear = config.blocksPerYear ?? BSC_BLOCKS_PER_YEAR;
  const defaultModel = config.rateModel ?? DEFAULT_RATE_MODEL;
  validate(config, blocksPerYear, defaultModel);

  const tx = new VenusTxRunner(clients);
  const admin = tx.account;
  const dc = diamondConsolidatedAbi;

  // 1. AccessControlManager (DEFAULT_ADMIN_ROLE → deployer).
  const acm = await tx.deploy("AccessControlManager", {
    abi: accessControlManagerAbi,
    bytecode: accessControlManagerBytecode,
  });

  // 2. Unitroller + Diamond.
  const comptroller = await tx.deploy("Unitroller", { abi: unitrollerAbi, bytecode: unitrollerBytecode });
  const diamond = await tx.deploy("Diamond", { abi: diamondAbi, bytecode: diamondBytecode });
  await tx.write("unitroller", comptroller, {
    abi: unitrollerAbi,
    functionName: "_setPendingImplementation",
    args: [diamond],
  });
  await tx.write("diamond", diamond, { abi: diamondAbi, functionName: "_become", args: [comptroller] });

  // 3. Facets and diamondCut (selectors from the interface artifacts; IFacetBase once, on MarketFacet).
  const market = await tx.deploy("MarketFacet", { abi: marketFacetAbi, bytecode: marketFacetBytecode });
  const policy = await tx.deploy("PolicyFacet", { abi: policyFacetAbi, bytecode: policyFacetBytecode });
  const reward = await tx.deploy("RewardFacet", { abi: rewardFacetAbi, bytecode: rewardFacetBytecode });
  const setter = await tx.deploy("SetterFacet", { abi: setterFacetAbi, bytecode: setterFacetBytecode });
  const flashLoan = await tx.deploy("FlashLoanFacet", {
    abi: flashLoanFacetAbi,
    bytecode: flashLoanFacetBytecode,
  });
  const taken = new Set<Hex>();
  const cut = (facetAddress: Address, abis: readonly Abi[]) => {
    const functionSelectors: Hex[] = [];
    for (const abi of abis) {
      for (const selector of facetSelectors(abi)) {
        if (taken.has(selector)) continue;
        taken.add(selector);
        functionSelectors.push(selector);
      }
    }
    return { facetAddress, action: 0, functionSelectors };
  };
  const cuts = [
    cut(market, [iMarketFacetAbi, iFacetBaseAbi]),
    cut(policy, [iPolicyFacetAbi]),
    cut(reward, [iRewardFacetAbi]),
    cut(setter, [iSetterFacetAbi]),
    cut(flashLoan, [iFlashLoanFacetAbi]),
  ];
  await tx.write("comptroller", comptroller, { abi: diamondAbi, functionName: "diamondCut", args: [cuts] });

  // 4. ComptrollerLens.
  const lens = await tx.deploy("ComptrollerLens", {
    abi: comptrollerLensAbi,
    bytecode: comptrollerLensBytecode,
  });
  await tx.write("comptroller", comptroller, { abi: dc, functionName: "_setComptrollerLens", args: [lens] });

  // 5–6. Access control, before any ACM-gated call.
  await tx.write("comptroller", comptroller, { abi: dc, functionName: "_setAccessControl", args: [acm] });
  for (const signature of COMPTROLLER_PERMISSIONS) {
    await tx.write("accessControlManager", acm, {
      abi: accessControlManagerAbi,
      functionName: "giveCallPermission",
      args: [comptroller, signature, admin],
    });
  }
  for (const signature of VTOKEN_PERMISSIONS) {
    await tx.write("accessControlManager", acm, {
      abi: accessControlManagerAbi,
      functionName: "giveCallPermission",
      args: [zeroAddress, signature, admin],
    });
  }

  // 7. Close factor and the spot oracle.
  await tx.write("comptroller", comptroller, {
    abi: dc,
    functionName: "_setCloseFactor",
    args: [config.closeFactor ?? E18 / 2n],
  });
  const oracle = await tx.deploy("SimplePriceOracle", {
    abi: simplePriceOracleAbi,
    bytecode: simplePriceOracleBytecode,
  });
  await tx.write("comptroller", comptroller, { abi: dc, functionName: "_setPriceOracle", args: [oracle] });

  // 8. Rate models (one per distinct parameter set) and vTokens.
  const models = new Map<string, Address>();
  const interestRateModels: Record<string, Address> = {};
  const vTokens: Record<string, Address> = {};
  const markets: Record<string, VenusMarket> = {};
  const isNative = (m: VenusMarketConfig): boolean => m.underlying.toLowerCase() === NATIVE_BNB.toLowerCase();
  let delegate: Address = zeroAddress;
  if (config.markets.some((m) => !isNative(m))) {
    delegate = await tx.deploy("VBep20Delegate", {
      abi: vBep20DelegateAbi,
      bytecode: vBep20DelegateBytecode,
    });
  }
  for (const m of config.markets) {
    const model = m.rateModel ?? defaultModel;
    const key = modelKey(model);
    let irm = models.get(key);
    if (irm === undefined) {
      irm = await tx.deploy("JumpRateModel", {
        abi: jumpRateModelAbi,
        bytecode: jumpRateModelBytecode,
        args: [
          model.baseRatePerYear,
          model.multiplierPerYear,
          model.jumpMultiplierPerYear,
          model.kink,
          blocksPerYear,
        ],
      });
      models.set(key, irm);
    }
    interestRateModels[m.symbol] = irm;
    const exchangeRate = m.initialExchangeRate ?? defaultInitialExchangeRate(m.decimals);
    const native = isNative(m);
    // SimplePriceOracle.getUnderlyingPrice recognises the native market by the symbol "vBNB".
    const vSymbol = native ? "vBNB" : `v${m.symbol}`;
    const vName = `Venus ${m.symbol}`;
    const vToken = native
      ? await tx.deploy("VBNB", {
          abi: vbnbAbi,
          bytecode: vbnbBytecode,
          args: [comptroller, irm, exchangeRate, vName, vSymbol, 8, admin],
        })
      : await tx.deploy(`VBep20Delegator ${vSymbol}`, {
          abi: vBep20DelegatorAbi,
          bytecode: vBep20DelegatorBytecode,
          args: [m.underlying, comptroller, irm, exchangeRate, vName, vSymbol, 8, admin, delegate, "0x"],
        });
    vTokens[m.symbol] = vToken;
    markets[m.symbol] = {
      symbol: m.symbol,
      vToken,
      underlying: native ? NATIVE_BNB : m.underlying,
      decimals: m.decimals,
      native,
      interestRateModel: irm,
    };
  }

  // 9. Configure each market.
  for (const m of config.markets) {
    const info = markets[m.symbol];
    if (info === undefined) throw new VenusConfigError(`market ${m.symbol} was not deployed`);
    const v = info.vToken;
    const label = info.native ? "vBNB" : `v${m.symbol}`;
    // VBep20Delegator forwards to the delegate; the delegate's ABI has every vToken function.
    const vAbi = info.native ? vbnbAbi : vBep20DelegateAbi;
    await tx.write(label, v, { abi: vAbi, functionName: "setAccessControlManager", args: [acm] });
    await tx.write("oracle", oracle, {
      abi: simplePriceOracleAbi,
      functionName: "setDirectPrice",
      args: [info.underlying, venusPriceMantissa(m.usdPrice, m.decimals)],
    });
    await tx.write("comptroller", comptroller, { abi: dc, functionName: "_supportMarket", args: [v] });
    await tx.write("comptroller", comptroller, {
      abi: dc,
      functionName: "setLiquidationIncentive",
      args: [v, m.liquidationIncentive ?? (110n * E18) / 100n],
    });
    await tx.write("comptroller", comptroller, {
      abi: dc,
      functionName: "setCollateralFactor",
      args: [v, m.collateralFactor ?? (75n * E18) / 100n, m.liquidationThreshold ?? (80n * E18) / 100n],
    });
    await tx.write("comptroller", comptroller, {
      abi: dc,
      functionName: "_setMarketSupplyCaps",
      args: [[v], [m.supplyCap ?? maxUint256]],
    });
    await tx.write("comptroller", comptroller, {
      abi: dc,
      functionName: "_setMarketBorrowCaps",
      args: [[v], [m.borrowCap ?? maxUint256]],
    });
    await tx.write("comptroller", comptroller, {
      abi: dc,
      functionName: "setIsBorrowAllowed",
      args: [CORE_POOL_ID, v, m.borrowAllowed ?? true],
    });
    // A huge delta: accrueInterest never tries to push reserves to a (non-existent) ProtocolShareReserve.
    await tx.write(label, v, { abi: vAbi, functionName: "setReduceReservesBlockDelta", args: [maxUint256] });
    await tx.write(label, v, {
      abi: vAbi,
      functionName: "_setReserveFactor",
      args: [m.reserveFactor ?? E18 / 10n],
    });
  }

  // 10. DeviationBoundedOracle behind a proxy (needs a non-zero native market: vBNB, or a placeholder).
  const nativeMarket = Object.values(markets).find((m) => m.native)?.vToken ?? NATIVE_BNB;
  const dboImplementation = await tx.deploy("DeviationBoundedOracle", {
    abi: deviationBoundedOracleAbi,
    bytecode: deviationBoundedOracleBytecode,
    args: [oracle, nativeMarket, zeroAddress],
  });
  const proxyAdmin = await tx.deploy("ProxyAdmin", {
    abi: proxyAdminAbi,
    bytecode: proxyAdminBytecode,
    args: [admin],
  });
  const dbo = await tx.deploy("TransparentUpgradeableProxy(DeviationBoundedOracle)", {
    abi: transparentUpgradeableProxyAbi,
    bytecode: transparentUpgradeableProxyBytecode,
    args: [
      dboImplementation,
      proxyAdmin,
      encodeFunctionData({ abi: deviationBoundedOracleAbi, functionName: "initialize", args: [acm] }),
    ],
  });
  await tx.write("comptroller", comptroller, {
    abi: dc,
    functionName: "setDeviationBoundedOracle",
    args: [dbo],
  });

  return {
    comptroller,
    diamond,
    facets: { market, policy, reward, setter, flashLoan },
    accessControlManager: acm,
    oracle,
    deviationBoundedOracle: dbo,
    deviationBoundedOracleImplementation: dboImplementation,
    proxyAdmin,
    lens,
    vBep20Delegate: delegate,
    blocksPerYear,
    interestRateModels,
    vTokens,
    markets,
    admin,
    stats: {
      transactions: tx.transactions,
      contractsCreated: tx.contractsCreated,
      gasUsed: tx.gasUsed,
      milliseconds: Math.round(performance.now() - started),
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------------------------

export type VenusTokenConfig = { readonly name: string; readonly symbol: string; readonly decimals: number };

/** Deploys Venus's `test/MockToken` (ERC-20 with a public `faucet(amount)` minting to the caller). */
export async function deployVenusToken(clients: VenusClients, token: VenusTokenConfig): Promise<Address> {
  return new VenusTxRunner(clients).deploy(`MockToken ${token.symbol}`, {
    abi: mockTokenAbi,
    bytecode: mockTokenBytecode,
    args: [token.name, token.symbol, token.decimals],
  });
}

/**
 * Deploys WBNB: our `WrappedBNB` (contracts/src/devnet), WETH9's code as on BNB Chain. Venus's npm
 * `test/WBNB` lacks `totalSupply()`, which VBep20 reads when the vWBNB market is created over it.
 */
export async function deployWbnb(clients: VenusClients): Promise<Address> {
  return new VenusTxRunner(clients).deploy("WBNB", { abi: wrappedBNBAbi, bytecode: wrappedBNBBytecode });
}

/** BSC's real token metadata for the basket (every one of these has 18 decimals on BNB Chain). */
export const BSC_TOKENS = {
  USDT: { name: "Tether USD", symbol: "USDT", decimals: 18 },
  BTCB: { name: "BTCB Token", symbol: "BTCB", decimals: 18 },
  ETH: { name: "Ethereum Token", symbol: "ETH", decimals: 18 },
  XRP: { name: "XRP Token", symbol: "XRP", decimals: 18 },
  SOL: { name: "SOLANA", symbol: "SOL", decimals: 18 },
} as const satisfies Record<string, VenusTokenConfig>;

export type BscTokenSymbol = keyof typeof BSC_TOKENS;
export type BscTokens = Readonly<Record<BscTokenSymbol | "WBNB", Address>>;

/** Deploys the basket's underlyings (MockToken, BSC decimals) and WBNB. */
export async function deployBscTokens(clients: VenusClients): Promise<BscTokens> {
  return {
    USDT: await deployVenusToken(clients, BSC_TOKENS.USDT),
    BTCB: await deployVenusToken(clients, BSC_TOKENS.BTCB),
    ETH: await deployVenusToken(clients, BSC_TOKENS.ETH),
    XRP: await deployVenusToken(clients, BSC_TOKENS.XRP),
    SOL: await deployVenusToken(clients, BSC_TOKENS.SOL),
    WBNB: await deployWbnb(clients),
  };
}

/** Illustrative USD prices for the local basket. */
export const DEFAULT_BSC_PRICES: Readonly<Record<BscTokenSymbol | "BNB", string>> = {
  USDT: "1",
  BTCB: "60000",
  ETH: "3000",
  XRP: "0.5",
  SOL: "150",
  BNB: "600",
};

/**
 * Market configs for USDT, BTCB, ETH, XRP, SOL and WBNB (ERC-20 vTokens; vWBNB is a VBep20Delegator with
 * WBNB as its underlying, as BNB Chain's core pool now lists it) and BNB (native vBNB, which BNB Chain
 * keeps too), mainnet-like risk parameters. Both BNB markets take BNB's price.
 */
export function bscVenusMarkets(
  tokens: BscTokens,
  prices: Readonly<Record<BscTokenSymbol | "BNB", string | number>> = DEFAULT_BSC_PRICES,
): VenusMarketConfig[] {
  const erc20 = (symbol: BscTokenSymbol): VenusMarketConfig => ({
    symbol,
    underlying: tokens[symbol],
    decimals: BSC_TOKENS[symbol].decimals,
    usdPrice: prices[symbol],
  });
  return [
    { ...erc20("USDT"), collateralFactor: (80n * E18) / 100n, liquidationThreshold: (80n * E18) / 100n },
    erc20("BTCB"),
    erc20("ETH"),
    { ...erc20("XRP"), collateralFactor: (60n * E18) / 100n, liquidationThreshold: (65n * E18) / 100n },
    { ...erc20("SOL"), collateralFactor: (60n * E18) / 100n, liquidationThreshold: (65n * E18) / 100n },
    {
      symbol: "WBNB",
      underlying: tokens.WBNB,
      decimals: 18,
      usdPrice: prices.BNB,
      // BNB Chain's vWBNB was created at 1 WBNB per vWBNB (10^28; venus-protocol@10.3.0
      // deployments/bscmainnet/vWBNB.json, constructor args).
      initialExchangeRate: 10n ** 28n,
    },
    { symbol: "BNB", underlying: NATIVE_BNB, decimals: 18, usdPrice: prices.BNB },
  ];
}

// ---------------------------------------------------------------------------------------------------
// Admin helpers for tests (send from the Venus admin's wallet)
// ---------------------------------------------------------------------------------------------------

async function tokenDecimals(clients: VenusClients, venus: VenusDeployment, token: Address): Promise<number> {
  if (token.toLowerCase() === NATIVE_BNB.toLowerCase()) return 18;
  const known = Object.values(venus.markets).find((m) => m.underlying.toLowerCase() === token.toLowerCase());
  if (known !== undefined) return known.decimals;
  return clients.publicClient.readContract({ address: token, abi: mockTokenAbi, functionName: "decimals" });
}

/**
 * Sets a token's USD price on the SimplePriceOracle (scaled 1e36 / 10^decimals; BNB is `NATIVE_BNB`).
 * Note: SimplePriceOracle.getUnderlyingPrice(vBNB) is hard-coded to 1e18 whatever is set here; the
 * DeviationBoundedOracle (borrow and collateral checks) reads `getPrice(NATIVE_BNB)`, which does follow it.
 */
export async function setVenusPrice(
  clients: VenusClients,
  venus: VenusDeployment,
  token: Address,
  usdPrice: string | number,
): Promise<bigint> {
  const price = venusPriceMantissa(usdPrice, await tokenDecimals(clients, venus, token));
  await new VenusTxRunner(clients).write("oracle", venus.oracle, {
    abi: simplePriceOracleAbi,
    functionName: "setDirectPrice",
    args: [token, price],
  });
  return price;
}

/** Pauses or unpauses one action on one market (`_setActionsPaused`). */
export async function pauseVenusAction(
  clients: VenusClients,
  venus: VenusDeployment,
  vToken: Address,
  action: VenusAction,
  paused: boolean,
): Promise<void> {
  await new VenusTxRunner(clients).write("comptroller", venus.comptroller, {
    abi: diamondConsolidatedAbi,
    functionName: "_setActionsPaused",
    args: [[vToken], [action], paused],
  });
}

/** Sets a market's supply cap, in underlying units (0 disables minting). */
export async function setSupplyCap(
  clients: VenusClients,
  venus: VenusDeployment,
  vToken: Address,
  cap: bigint,
): Promise<void> {
  await new VenusTxRunner(clients).write("comptroller", venus.comptroller, {
    abi: diamondConsolidatedAbi,
    functionName: "_setMarketSupplyCaps",
    args: [[vToken], [cap]],
  });
}

/** Sets a market's borrow cap, in underlying units (0 disables borrowing). */
export async function setBorrowCap(
  clients: VenusClients,
  venus: VenusDeployment,
  vToken: Address,
  cap: bigint,
): Promise<void> {
  await new VenusTxRunner(clients).write("comptroller", venus.comptroller, {
    abi: diamondConsolidatedAbi,
    functionName: "_setMarketBorrowCaps",
    args: [[vToken], [cap]],
  });
}

function marketOf(venus: VenusDeployment, symbol: string): VenusMarket {
  const market = venus.markets[symbol];
  if (market === undefined) throw new VenusConfigError(`no Venus market ${symbol}`);
  return market;
}

/**
 * Supplies `amount` of a market's underlying from `clients.walletClient.account`, minting the
 * underlying first with MockToken's `faucet` (ERC-20) or sending BNB (vBNB). Returns vTokens received.
 */
export async function supplyToVenus(
  clients: VenusClients,
  venus: VenusDeployment,
  symbol: string,
  amount: bigint,
  options: { readonly faucet?: boolean } = {},
): Promise<bigint> {
  const market = marketOf(venus, symbol);
  const tx = new VenusTxRunner(clients);
  const who = tx.account;
  const label = market.native ? "vBNB" : `v${symbol}`;
  const before = await clients.publicClient.readContract({
    address: market.vToken,
    abi: vBep20DelegateAbi,
    functionName: "balanceOf",
    args: [who],
  });
  if (market.native) {
    await tx.write(label, market.vToken, { abi: vbnbAbi, functionName: "mint" }, amount);
  } else {
    if (options.faucet ?? true) {
      await tx.write(symbol, market.underlying, {
        abi: mockTokenAbi,
        functionName: "faucet",
        args: [amount],
      });
    }
    await tx.write(symbol, market.underlying, {
      abi: mockTokenAbi,
      functionName: "approve",
      args: [market.vToken, amount],
    });
    await tx.write(label, market.vToken, { abi: vBep20DelegateAbi, functionName: "mint", args: [amount] });
  }
  const after = await clients.publicClient.readContract({
    address: market.vToken,
    abi: vBep20DelegateAbi,
    functionName: "balanceOf",
    args: [who],
  });
  return after - before;
}

export type AddBorrowerOptions = {
  /** Market symbol supplied as collateral (and entered). */
  readonly collateral: string;
  /** Underlying amount of collateral; minted by faucet (ERC-20) or sent as BNB from the borrower. */
  readonly collateralAmount: bigint;
  /** Market symbol to borrow from. */
  readonly borrow: string;
  /** Target utilisation of the borrowed market, 1e18-scaled (e.g. 0.5e18). */
  readonly utilization: bigint;
};

/**
 * Makes `borrower.walletClient.account` a borrower so interest accrues: supplies collateral, enters
 * that market and borrows until the borrowed market's utilisation
 * (borrows / (cash + borrows − reserves)) reaches `utilization`. Returns the amount borrowed.
 */
export async function addBorrower(
  borrower: VenusClients,
  venus: VenusDeployment,
  options: AddBorrowerOptions,
): Promise<bigint> {
  if (options.utilization < 0n || options.utilization >= E18) {
    throw new VenusConfigError("utilization must be in [0, 1e18)");
  }
  const collateral = marketOf(venus, options.collateral);
  const debt = marketOf(venus, options.borrow);
  await supplyToVenus(borrower, venus, options.collateral, options.collateralAmount);
  const tx = new VenusTxRunner(borrower);
  await tx.write("comptroller", venus.comptroller, {
    abi: diamondConsolidatedAbi,
    functionName: "enterMarkets",
    args: [[collateral.vToken]],
  });
  const label = debt.native ? "vBNB" : `v${options.borrow}`;
  await tx.write(label, debt.vToken, { abi: vBep20DelegateAbi, functionName: "accrueInterest" });
  const read = (functionName: "getCash" | "totalBorrows" | "totalReserves") =>
    borrower.publicClient.readContract({ address: debt.vToken, abi: vBep20DelegateAbi, functionName });
  const [cash, borrows, reserves] = await Promise.all([
    read("getCash"),
    read("totalBorrows"),
    read("totalReserves"),
  ]);
  const target = (options.utilization * (cash + borrows - reserves)) / E18;
  const amount = target > borrows ? target - borrows : 0n;
  if (amount > 0n) {
    await tx.write(label, debt.vToken, { abi: vBep20DelegateAbi, functionName: "borrow", args: [amount] });
  }
  return amount;
}
