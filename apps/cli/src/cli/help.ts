import {
  DEFAULT_APY_PCT,
  DEFAULT_BUFFER_BPS,
  DEFAULT_COOLDOWN_SECONDS,
  DEFAULT_FEE_TIER_PCT,
  DEFAULT_GAS_USD,
  DEFAULT_IMPACT_K,
  DEFAULT_MAX_TRADE_USD,
  DEFAULT_NAV_USD,
  DEFAULT_STEP_INTERVAL_SECONDS,
  DEFAULT_THRESHOLD_BPS,
} from "../config/defaults.js";
import { defaultWeightsText } from "./scenario.js";

const assetList = (table: Readonly<Record<string, number>>): string =>
  Object.entries(table)
    .filter(([asset, value]) => !(asset === "USDT" && value === 0))
    .map(([asset, value]) => `${asset} ${value}`)
    .join(", ");

export const HELP = `BlockETF backtester: V1 against V2 on real price history, with the rule the contracts enforce.

Usage:
  npm run backtest -- [run] [options]      V2 and its V1 baseline over one window (default command)
  npm run backtest -- sweep [options]      a parameter grid on all cores, as CSV/JSON
  npm run backtest -- report [options]     self-contained HTML report with charts, plus PNGs
  npm run backtest -- --help

Fund (V2; V1 is always the same risk weights rescaled to 100%, no USDT, no yield, one uncapped trade).
The defaults are the one fund spec (packages/core/src/fundSpec.ts), which the devnet and deploy use too.
  --weights A=PCT,...     target weights in percent, summing to 100; USDT is a member; assets are
                          BTCB, ETH, WBNB, XRP, SOL, USDT (BTC and BNB accepted for BTCB and WBNB)
                          (default ${defaultWeightsText()}:
                          CT5 in V1's order plus a 20% sleeve that can fund a rebalance after a 20–30% fall)
  --threshold-bps N       absolute weight deviation that triggers a rebalance (default ${DEFAULT_THRESHOLD_BPS}, V1's 5%)
  --cooldown-seconds N    minimum time between rebalances (default ${DEFAULT_COOLDOWN_SECONDS}; binds only on 4h/1h bars)
  --yield on|off          Venus interest on idle holdings (default on)
  --apy A=PCT,...         constant supply APY overrides (defaults: the spec's, from
                          data/venus_supply_apy_reference.csv: ${assetList(DEFAULT_APY_PCT)})
  --apy-file FILE         APY series CSV "date,ASSET,..." in percent; a row holds until the next
  --buffer-bps N          part of each holding kept liquid, not supplied (default ${DEFAULT_BUFFER_BPS})
  --mgmt-fee-bps N        management fee per year, streamed as dilution (default 0)
  --max-trade-usd USD     largest trade of one asset in one rebalance step, every route's
                          (default ${DEFAULT_MAX_TRADE_USD}, the spec's BNB Chain bound); a rebalance goes on in steps
  --step-interval-seconds N  least time between two steps (default ${DEFAULT_STEP_INTERVAL_SECONDS})

Trading costs (every leg of every step, at the bar's close):
  --fee-tier A=PCT,...    pool fee tier vs USDT (defaults, the spec's: ${assetList(DEFAULT_FEE_TIER_PCT)})
  --depth-usd A=USD,...   ASSUMED effective pool depth for price impact (defaults: BTCB/ETH 50e6, WBNB 100e6,
                          XRP/SOL 10e6; no depth figures were found: measure with the v3 Quoter)
  --impact-k K            impact = K × trade / depth (default ${DEFAULT_IMPACT_K})
  --gas-usd USD           gas per rebalance step, charged to the fund (default ${DEFAULT_GAS_USD})
  --nav-usd USD           fund size at the start (default ${DEFAULT_NAV_USD}; matters for impact and gas)

Data and window:
  --interval 1d|4h|1h     bundled Binance closes: daily 2020-08-11..2026-01-05 (default), 4h same span,
                          1h 2024-12-01..2025-11-30
  --prices FILE           your own wide close file ("date,ASSET,..." or "open_time_utc,ASSET,...")
  --from YYYY-MM-DD       first bar (default: first in the data)
  --to YYYY-MM-DD         last bar, inclusive (default: last in the data)
  --risk-free-pct PCT     risk-free rate for Sharpe (default 0)

Output:
  --json                  print one JSON object (run: the V2 figures, "rebalances" = count, "v1" beside)
  --out DIR               run: run.json + nav.csv; sweep: sweep.csv + sweep.json; report: report.html + png/

Sweep and report axes (lists "a,b,c" or ranges "start:stop:step"):
  --thresholds-bps L      sweep default 100:1000:100
  --stable-weights-pct L  USDT weight; risk weights keep their proportions (sweep default 0:45:5)
  --buffers-bps L         default: --buffer-bps
  --cooldowns-seconds L   default: --cooldown-seconds
  --workers N             worker threads (default: all cores)
  --csv FILE              sweep: also write the CSV here

Bad input (unknown asset, weights not summing to 100, dates outside the data, malformed CSV, bad flag)
prints one line and exits with code 2.

Examples:
  npm run backtest
  npm run backtest -- --weights BTCB=30,ETH=25,WBNB=20,XRP=15,SOL=10,USDT=0 --threshold-bps 500 \\
    --from 2021-01-01 --to 2025-12-31 --yield off --json
  npm run backtest -- --from 2025-10-10 --interval 4h
  npm run backtest -- sweep --thresholds-bps 100:1000:100 --stable-weights-pct 0:45:5 --out sweep-out
  npm run backtest -- report --out backtest-report
`;
