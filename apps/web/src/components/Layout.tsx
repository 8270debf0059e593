import type { ReactNode } from "react";
import { useNetworkState } from "../config/context.js";
import { Link } from "../lib/router.js";
import { WalletButton } from "../wallet/WalletButton.js";

const PAGES = [
  ["/", "Fund"],
  ["/mint", "Mint"],
  ["/redeem", "Redeem"],
  ["/portfolio", "Portfolio"],
  ["/activity", "Activity"],
  ["/claim", "Claim"],
] as const;

export function Layout({ children }: { children: ReactNode }) {
  const { network, networks, select } = useNetworkState();
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <div className="brand">
          <Link to="/">BlockETF</Link>
          <span className="muted"> V2</span>
        </div>
        <nav aria-label="Pages">
          <ul>
            {PAGES.map(([to, name]) => (
              <li key={to}>
                <Link to={to}>{name}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="controls">
          <label className="network">
            <span className="visually-hidden">Network</span>
            <select
              value={network.key}
              onChange={(e) => select(e.target.value as typeof network.key)}
              disabled={networks.length < 2}
            >
              {networks.map((n) => (
                <option key={n.key} value={n.key}>
                  {n.name}
                </option>
              ))}
            </select>
          </label>
          <WalletButton />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="muted">
        BlockETF V2 on {network.name} (chain {network.chain.id}) · fund <code>{network.fund}</code>
        {network.indexerUrl === undefined ? " · history: no indexer configured" : ""}
      </footer>
    </>
  );
}
