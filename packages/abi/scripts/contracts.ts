// What codegen exports from forge's artifacts. Every file named here must be compiled by `npm start`'s
// build (ensure.ts compiles SOURCE_DIRS only): src/sources.test.ts checks it.

/** Contracts exported: [artifact file, contract name, deployable]. */
export const CONTRACTS: ReadonlyArray<readonly [string, string, boolean]> = [
  ["BlockETF.sol", "BlockETF", true],
  ["BlockETFFactory.sol", "BlockETFFactory", true],
  ["BlockETFLens.sol", "BlockETFLens", true],
  ["ChainlinkOracle.sol", "ChainlinkOracle", true],
  ["VenusLib.sol", "VenusLib", true],
  ["RebalanceLib.sol", "RebalanceLib", true],
  ["RedeemLib.sol", "RedeemLib", true],
  ["BlockETFRebalancer.sol", "BlockETFRebalancer", true],
  ["BlockETFRouter.sol", "BlockETFRouter", true],
  ["ReplayPriceFeed.sol", "ReplayPriceFeed", true],
  ["PancakeV3PoolDeployer.sol", "PancakeV3PoolDeployer", true],
  ["WrappedBNB.sol", "WrappedBNB", true],
  ["IBlockETF.sol", "IBlockETF", false],
  ["IBlockETFFactory.sol", "IBlockETFFactory", false],
  ["IBlockETFLens.sol", "IBlockETFLens", false],
  ["IBlockETFRebalancer.sol", "IBlockETFRebalancer", false],
  ["IBlockETFRouter.sol", "IBlockETFRouter", false],
  ["IPriceOracle.sol", "IPriceOracle", false],
  ["IVToken.sol", "IVToken", false],
  ["IVToken.sol", "IVBep20", false],
  ["IVenusComptroller.sol", "IVenusComptroller", false],
  ["IAggregatorV3.sol", "IAggregatorV3", false],
  // Deploy tooling (contracts/script): what the preflight reads from Venus's comptroller.
  ["IVenusMarkets.sol", "IVenusMarkets", false],
];

/**
 * Local-chain infrastructure (contracts/src/devnet), not the product: a holder never meets their errors, so
 * they stay out of `blockEtfErrorsAbi`, the union the SDK must explain error by error.
 */
export const DEVNET_ONLY: ReadonlySet<string> = new Set(["PancakeV3PoolDeployer", "WrappedBNB"]);
