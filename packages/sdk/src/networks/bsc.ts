import type { Address } from "viem";

/**
 * BNB Chain mainnet (chain 56): the external contracts a BlockETF deployment uses. Every entry names its
 * source; the deploy command's post-deploy checks read them on-chain (symbol(), underlying(),
 * decimals(), the feed's description() and heartbeat) before anything is trusted.
 */
export const bsc = {
  chainId: 56,
  /** Blocks per year in Venus's current rate models (the `…_bpy70080000` deployments, 0.45 s blocks). */
  venusBlocksPerYear: 70_080_000,
  tokens: {
    /** Source for all five: venus-protocol@10.3.0 deployments/bscmainnet_addresses.json (the markets' underlying). */
    BTCB: { address: "0x7130d2A12B9BCbFAe4f2634d864A1Ee1Ce3Ead9c", decimals: 18 },
    ETH: { address: "0x2170Ed0880ac9A755fd29B2688956BD959F933F8", decimals: 18 },
    XRP: { address: "0x1D2F0da169ceB9fC7B3144628dB156f3F6c60dBE", decimals: 18 },
    USDT: { address: "0x55d398326f99059fF775485246999027B3197955", decimals: 18 },
    /** Source: vSOL's recorded constructor arguments (venus-protocol deployments). */
    SOL: { address: "0x570A5D26f7765Ecb712C0924E4De545B89fD43dF", decimals: 18 },
    /** Source: venus-protocol@10.3.0 address book (WBNB). */
    WBNB: { address: "0xbb4CdB9CBd36B01bD1cBaEBF2De08d9173bc095c", decimals: 18 },
  },
  venus: {
    /** Core-pool Unitroller (Comptroller proxy). Source: venus-protocol@10.3.0 bscmainnet_addresses.json. */
    comptroller: "0xfD36E2c2a6789Db23113685031d7F16329158384",
    vTokens: {
      BTCB: "0x882C173bC7Ff3b7786CA16dfeD3DFFfb9Ee7847B",
      ETH: "0xf508fCD89b8bd15579dc79A6827cB4686A3592c8",
      XRP: "0xB248a295732e0225acd3337607cc01068e3b9c10",
      USDT: "0xfD5840Cd36d94D7229439859C0112a4185BC0255",
      SOL: "0xBf515bA4D1b52FFdCeaBF20d31D705Ce789F2cEC",
      /**
       * vWBNB: the core pool's ERC-20 market with WBNB as its underlying. Source: venus-protocol@10.3.0
       * deployments/bscmainnet_addresses.json (`vWBNB`). The fund holds BNB as WBNB and supplies it here;
       * the deploy preflight checks on-chain that the core comptroller lists it and that its underlying()
       * is WBNB.
       */
      WBNB: "0x6bCa74586218dB34cdB402295796b79663d816e9",
    },
    /**
     * The native BNB market (legacy immutable contract; returns error codes), same address book (`vBNB`).
     * Not used by the fund: its mintAllowed counts the BNB being supplied twice against the supply cap.
     */
    nativeVBnb: "0xA07c5b74C9B40447a954e1466938b865b6BBea36",
  },
  /**
   * Chainlink USD feeds. Sources: BTC, ETH, BNB, XRP from the original BlockETF V1 docs; SOL and USDT
   * from third-party code (SOL lists an 86,400 s heartbeat). Heartbeats here are the deploy's staleness
   * limits and are checked against the feeds' update history by the post-deploy checks.
   */
  chainlink: {
    BTCB: { feed: "0x264990fbd0A4796A3E3d8E37C4d5F87a3aCa5Ebf", heartbeat: 3_600 },
    ETH: { feed: "0x9ef1B8c0E4F7dc8bF5719Ea496883DC6401d5b2e", heartbeat: 3_600 },
    WBNB: { feed: "0x0567F2323251f0Aab15c8dFb1967E4e8A7D42aeE", heartbeat: 3_600 },
    XRP: { feed: "0x93A67D414896A280bF8FFB3b389fE3686E014fda", heartbeat: 3_600 },
    SOL: { feed: "0x0E8a53DD9c13589df6382F13dA6B3Ec8F919B323", heartbeat: 86_400 },
    USDT: { feed: "0xB97Ad0E74fa7d920791E90258A6E2085088b4320", heartbeat: 86_400 },
  },
  pancakeswapV3: {
    /** Sources: @pancakeswap/v3-sdk@3.10.2 (factory, deployer, position manager, init-code hash) and
     * @pancakeswap/smart-router@7.7.3 (QuoterV2); the classic SwapRouter from pancake-v3-contracts'
     * deployments/bscMainnet.json (BlockETF V1's UI config). */
    factory: "0x0BFbCF9fa4f9C56B0F40a671Ad40E0805A091865",
    poolDeployer: "0x41ff9AA7e16B8B1a8a8dc4f0eFacd93D02d071c9",
    positionManager: "0x46A15B0b27311cedF172AB29E4f4766fbE7F4364",
    swapRouter: "0x1b81D678ffb9C0263b24A97847620C99d213eB14",
    quoterV2: "0xB048Bbc1Ee6b733FFfCFb9e9CeF7375518e25997",
    poolInitCodeHash: "0x6ce8eb472fa82df5469c6ab6d485f17c3ad13c8cd7af59b3d4a8026c5ce0f7e2",
  },
} as const satisfies {
  chainId: number;
  venusBlocksPerYear: number;
  tokens: Record<string, { address: Address; decimals: number }>;
  venus: { comptroller: Address; vTokens: Record<string, Address>; nativeVBnb: Address };
  chainlink: Record<string, { feed: Address; heartbeat: number }>;
  pancakeswapV3: Record<string, Address | `0x${string}`>;
};

export type BscConfig = typeof bsc;
