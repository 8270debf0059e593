// The one way the app sends: wallet → simulate and pad gas (the SDK's prepareWrite) → broadcast and wait
// for the receipt (sendPreparedWrite) → the typed error's shortMessage. Several steps (approvals, then the
// action) run one by one with their progress.
import {
  BlockEtfError,
  buildApprove,
  decodeBlockEtfError,
  prepareWrite,
  sendPreparedWrite,
  type WriteRequest,
} from "@blocketf/sdk";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { type Address, type Hash, maxUint256, type TransactionReceipt } from "viem";
import { useConfig, useConnection, useSwitchChain } from "wagmi";
import { getConnectorClient } from "wagmi/actions";
import { useNetwork } from "../config/context.js";
import { TxLink } from "./TxLink.js";

export type TxStep = {
  /** What the step does, in words: "Approve USDT for the router", "Mint CT5U". */
  readonly label: string;
  /** The builder's request, made when the step runs (so it sees the latest quote and allowance). */
  readonly request: () => WriteRequest | Promise<WriteRequest | undefined> | undefined;
  /** Explain reverts in this fund's symbols and units. */
  readonly fund?: Address | undefined;
};

/**
 * The approval step every spend needs when the allowance is short: `amount` exactly, or unlimited when the
 * holder chose it in the trade settings.
 */
export function approvalStep(p: {
  readonly label: string;
  readonly token: Address;
  readonly spender: Address;
  readonly amount: bigint;
  readonly unlimited: boolean;
}): TxStep {
  return {
    label: p.label,
    request: () =>
      buildApprove({ token: p.token, spender: p.spender, amount: p.unlimited ? maxUint256 : p.amount }),
  };
}

type Phase =
  | { readonly kind: "idle" }
  | { readonly kind: "wallet"; readonly step: number }
  | { readonly kind: "pending"; readonly step: number; readonly hash: Hash }
  | { readonly kind: "done"; readonly hashes: readonly Hash[] }
  | { readonly kind: "error"; readonly step: number; readonly message: string };

function messageOf(error: unknown): string {
  const typed = error instanceof BlockEtfError ? error : decodeBlockEtfError(error);
  return typed.shortMessage;
}

export function TransactionButton({
  label,
  steps,
  disabled = false,
  onDone,
  id,
}: {
  label: string;
  steps: readonly TxStep[];
  disabled?: boolean;
  onDone?: (receipts: readonly TransactionReceipt[]) => void;
  id?: string;
}) {
  const network = useNetwork();
  const config = useConfig();
  const connection = useConnection();
  const switchChain = useSwitchChain();
  const queryClient = useQueryClient();
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const busy = phase.kind === "wallet" || phase.kind === "pending";
  const wrongChain = connection.isConnected && connection.chainId !== network.chain.id;

  async function run(): Promise<void> {
    const receipts: TransactionReceipt[] = [];
    const hashes: Hash[] = [];
    let index = 0;
    try {
      if (wrongChain) await switchChain.mutateAsync({ chainId: network.chain.id });
      const client = await getConnectorClient(config, { chainId: network.chain.id });
      for (; index < steps.length; index++) {
        const step = steps[index];
        if (step === undefined) continue;
        setPhase({ kind: "wallet", step: index });
        const request = await step.request();
        if (request === undefined) continue; // nothing to do (an allowance already high enough)
        const prepared = await prepareWrite(client, { request, fund: step.fund });
        const sent = await sendPreparedWrite(client, {
          prepared,
          onSent: (hash) => setPhase({ kind: "pending", step: index, hash }),
        });
        receipts.push(sent.receipt);
        hashes.push(sent.hash);
        await queryClient.invalidateQueries();
      }
      setPhase({ kind: "done", hashes });
      onDone?.(receipts);
    } catch (error: unknown) {
      setPhase({ kind: "error", step: index, message: messageOf(error) });
      await queryClient.invalidateQueries();
    }
  }

  const total = steps.length;
  const stepLabel = (i: number) =>
    `${total > 1 ? `Step ${i + 1} of ${total}: ` : ""}${steps[i]?.label ?? ""}`;
  let buttonText = label;
  if (!connection.isConnected) buttonText = "Connect a wallet first";
  else if (wrongChain) buttonText = `Switch wallet to ${network.name} and ${label.toLowerCase()}`;
  else if (phase.kind === "wallet") buttonText = "Confirm in your wallet…";
  else if (phase.kind === "pending") buttonText = "Waiting for the receipt…";

  return (
    <div className="tx">
      <button
        type="button"
        className="primary"
        id={id}
        disabled={disabled || busy || !connection.isConnected}
        aria-busy={busy}
        onClick={() => {
          void run();
        }}
      >
        {buttonText}
      </button>
      {total > 1 && phase.kind === "idle" && (
        <ol className="steps" aria-label="What will be sent">
          {steps.map((s) => (
            <li key={s.label}>{s.label}</li>
          ))}
        </ol>
      )}
      <div className="tx-status" aria-live="polite">
        {(phase.kind === "wallet" || phase.kind === "pending") && (
          <p>
            {stepLabel(phase.step)}
            {phase.kind === "pending" && (
              <>
                {" "}
                — sent <TxLink hash={phase.hash} />, waiting for it to be mined.
              </>
            )}
          </p>
        )}
        {phase.kind === "done" && (
          <p className="ok" data-testid="tx-done">
            Done: {phase.hashes.length} transaction{phase.hashes.length === 1 ? "" : "s"} confirmed
            {phase.hashes.map((h) => (
              <span key={h}>
                {" "}
                <TxLink hash={h} />
              </span>
            ))}
            .
          </p>
        )}
      </div>
      {phase.kind === "error" && (
        <p className="error" role="alert" data-testid="tx-error">
          {total > 1 ? `${stepLabel(phase.step)} failed. ` : ""}
          {phase.message}
        </p>
      )}
    </div>
  );
}
