import { fileURLToPath } from "node:url";

/** The repo copy of the market data (data/ at the root, shared with the devnet); the product never reads ../shared. */
export const DATA_DIR = fileURLToPath(new URL("../../../../data/", import.meta.url));

export const INTERVALS = ["1d", "4h", "1h"] as const;
export type Interval = (typeof INTERVALS)[number];

/** The bundled price file for each bar size. */
export const PRICE_FILES = {
  "1d": "daily_close_usdt_wide.csv",
  "4h": "binance_4h_close_wide.csv",
  "1h": "binance_1h_close_wide_2024-12_2025-11.csv",
} as const satisfies Record<Interval, string>;

export function dataFile(name: string): string {
  return `${DATA_DIR}${name}`;
}
