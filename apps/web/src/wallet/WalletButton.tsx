// Connect: the wallets this browser announced (EIP-6963), the browser's injected wallet, and on the devnet
// anvil's dev accounts; once connected, the account, its network and (devnet) the faucet.
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { type Connector, useConnect, useConnection, useConnectors, useDisconnect } from "wagmi";
import { useNetwork } from "../config/context.js";
import { shortAddress } from "../lib/format.js";

function visibleConnectors(connectors: readonly Connector[], devnet: boolean): Connector[] {
  const announced = connectors.filter((c) => c.type === "injected" && c.id !== "injected");
  const hasWindowWallet = typeof window !== "undefined" && "ethereum" in window;
  return connectors.filter((c) => {
    if (c.type === "devAccount") return devnet;
    // The generic injected connector only when no wallet announced itself (EIP-6963) and one exists.
    if (c.id === "injected") return announced.length === 0 && hasWindowWallet;
    return true;
  });
}

export function WalletButton() {
  const network = useNetwork();
  const connection = useConnection();
  const connectors = useConnectors();
  const connect = useConnect();
  const disconnect = useDisconnect();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const list = visibleConnectors(connectors, network.devnet);

  useEffect(() => {
    const d = dialog.current;
    if (d === null) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  if (connection.isConnected && connection.address !== undefined) {
    return (
      <div className="wallet">
        <span className="account" data-testid="account" title={connection.address}>
          {connection.connector?.name ?? "Wallet"} · {shortAddress(connection.address)}
        </span>
        {network.faucet && <FaucetButton address={connection.address} />}
        <button type="button" onClick={() => disconnect.mutate()}>
          Disconnect
        </button>
      </div>
    );
  }
  return (
    <>
      <button type="button" className="primary" onClick={() => setOpen(true)}>
        Connect wallet
      </button>
      <dialog ref={dialog} aria-labelledby="connect-title" onClose={() => setOpen(false)}>
        <h2 id="connect-title">Connect a wallet</h2>
        {list.length === 0 ? (
          <p>No browser wallet found. Install one (MetaMask, Rabby, Trust, OKX…) and reload this page.</p>
        ) : (
          <ul className="connectors">
            {list.map((c) => (
              <li key={c.uid}>
                <button
                  type="button"
                  onClick={() => {
                    connect.mutate(
                      { connector: c, chainId: network.chain.id },
                      { onSuccess: () => setOpen(false) },
                    );
                  }}
                >
                  {c.icon !== undefined && <img src={c.icon} alt="" width={20} height={20} />}
                  {c.name}
                  {c.type === "devAccount" && <span className="muted"> (anvil, unlocked: devnet only)</span>}
                </button>
              </li>
            ))}
          </ul>
        )}
        {connect.error !== null && (
          <p className="error" role="alert">
            Could not connect: {connect.error.message.split("\n")[0]}
          </p>
        )}
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </dialog>
    </>
  );
}

type FaucetState =
  | { kind: "idle" }
  | { kind: "busy" }
  | { kind: "done"; text: string }
  | { kind: "error"; text: string };

/** Devnet only: asks the devnet's faucet for $10,000 of each basket token and 10 BNB for gas. */
function FaucetButton({ address }: { address: string }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<FaucetState>({ kind: "idle" });
  async function run(): Promise<void> {
    setState({ kind: "busy" });
    try {
      const response = await fetch("/api/faucet", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ to: address }),
      });
      const body = (await response.json()) as {
        grants?: { symbol: string; amount: string }[];
        error?: string;
      };
      if (!response.ok || body.grants === undefined) throw new Error(body.error ?? `HTTP ${response.status}`);
      setState({
        kind: "done",
        text: `Received ${body.grants.map((g) => g.symbol).join(", ")} and BNB for gas.`,
      });
      await queryClient.invalidateQueries();
    } catch (error: unknown) {
      setState({ kind: "error", text: error instanceof Error ? error.message : String(error) });
    }
  }
  return (
    <span className="faucet">
      <button type="button" disabled={state.kind === "busy"} onClick={() => void run()}>
        {state.kind === "busy" ? "Sending test tokens…" : "Get test tokens"}
      </button>
      <span
        aria-live="polite"
        className={state.kind === "error" ? "error" : "muted"}
        data-testid="faucet-status"
      >
        {state.kind === "done" || state.kind === "error" ? state.text : ""}
      </span>
    </span>
  );
}
