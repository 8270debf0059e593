// How the keeper's transactions go out, and what it remembers of failed ones: a prepared transaction is
// sent through the SDK (replaced at the same nonce when it is not mined in time), its confirmation is
// logged and counted, and a failed action cools down (doubling, up to 16 times the base) before the
// keeper tries it again.
import {
  decodeBlockEtfError,
  type PrepareWriteReturnType,
  TransactionRevertedError,
  TransactionTimeoutError,
} from "@blocketf/sdk";
import type { Account, Chain, Hash, TransactionReceipt, Transport, WalletClient } from "viem";
import type { KeeperConfig } from "./config.js";
import type { Logger } from "./log.js";
import type { KeeperMetrics } from "./metrics.js";
import type { Decision } from "./plan.js";
import { sendWithReplacement } from "./replace.js";

/** What a tick decided and how it ended (/health's `lastDecision`). */
export type ActionOutcome = { readonly action: Decision["action"]; readonly reason?: string };

export type SentAction = "rebalance" | "sweep";

type Cooldown = { readonly failures: number; readonly until: number };

export class ActionSender {
  private readonly cooldowns = new Map<string, Cooldown>();

  constructor(
    private readonly d: {
      readonly config: KeeperConfig;
      readonly metrics: KeeperMetrics;
      /** The keeper's logger now (it gains the chain id on connect). */
      readonly log: () => Logger;
      readonly wallet: () => WalletClient<Transport, Chain, Account | undefined>;
    },
  ) {}

  /** The cooldown `action` is in after failing, if it has not run out. */
  cooling(action: string, now = Date.now()): Cooldown | undefined {
    const c = this.cooldowns.get(action);
    return c !== undefined && now < c.until ? c : undefined;
  }

  /**
   * Sends a prepared transaction at `nonce` through the SDK and waits for its receipt; one not mined within
   * `--replace-after` is replaced at the same nonce with a higher gas price (at most `--max-replacements`).
   */
  async send(
    action: SentAction,
    prepared: PrepareWriteReturnType,
    nonce: number,
    gasPrice: bigint,
    summarise: (receipt: TransactionReceipt) => Record<string, unknown>,
  ): Promise<ActionOutcome> {
    let sent: Hash | undefined;
    let receipt: TransactionReceipt;
    let replacements = 0;
    try {
      ({ receipt, replacements } = await sendWithReplacement(this.d.wallet(), {
        prepared,
        nonce,
        gasPrice,
        replaceAfterMs: this.d.config.replaceAfterMs,
        maxReplacements: this.d.config.maxReplacements,
        receiptTimeoutMs: this.d.config.receiptTimeoutMs,
        onSent: (tx) => {
          sent = tx.hash;
          if (tx.replaces === undefined) {
            this.d.log().info("send", {
              decision: "send",
              action,
              hash: tx.hash,
              nonce,
              gas: prepared.gas,
              gasPrice: tx.gasPrice,
            });
            return;
          }
          this.d.metrics.replacements.inc({ action });
          this.d.log().warn("replace", {
            decision: "replace",
            action,
            hash: tx.hash,
            replaces: tx.replaces,
            nonce,
            gasPrice: tx.gasPrice,
            attempt: tx.attempt,
            detail: `not mined within ${this.d.config.replaceAfterMs} ms: re-sent at the same nonce with a higher gas price`,
          });
        },
      }));
    } catch (error: unknown) {
      if (
        error instanceof TransactionTimeoutError ||
        (sent !== undefined && !(error instanceof TransactionRevertedError))
      ) {
        // No receipt (in time, or the node failed while waiting): left to the next ticks, which see the nonce
        // pending and send nothing until it is mined or dropped.
        this.d.metrics.transactions.inc({ action, status: "timeout" });
        this.d.log().warn("confirm", { decision: "confirm", action, hash: sent, status: "timeout", error });
        return { action, reason: "timeout" };
      }
      if (error instanceof TransactionRevertedError) {
        this.d.metrics.transactions.inc({ action, status: "reverted" });
        this.backOff(action);
        this.d.log().error("confirm", {
          decision: "confirm",
          action,
          hash: error.hash,
          status: "reverted",
          block: error.receipt.blockNumber,
          gasUsed: error.gasUsed,
          gasLimit: error.gasLimit,
          error,
        });
        return { action, reason: "reverted" };
      }
      return this.failed(action, "send", error);
    }
    this.d.metrics.transactions.inc({ action, status: "success" });
    this.cooldowns.delete(action);
    this.d.log().info("confirm", {
      decision: "confirm",
      action,
      hash: receipt.transactionHash,
      status: receipt.status,
      block: receipt.blockNumber,
      gasUsed: receipt.gasUsed,
      gasLimit: prepared.gas,
      gasPrice: receipt.effectiveGasPrice,
      replacements,
      ...summarise(receipt),
    });
    return { action, reason: "confirmed" };
  }

  /** A simulation or a send that failed: logged with its typed error, counted, and the action cools down. */
  failed(action: SentAction, stage: "simulate" | "send", error: unknown): ActionOutcome {
    const typed = decodeBlockEtfError(error);
    const retryInMs = this.backOff(action);
    this.d.metrics.transactions.inc({
      action,
      status: stage === "simulate" ? "simulate_failed" : "send_failed",
    });
    this.d.log().warn(stage, {
      decision: stage,
      action,
      ok: false,
      error: typed,
      errorName: typed.errorName,
      retryInMs,
    });
    return { action, reason: `${stage}-failed` };
  }

  /** Starts (or lengthens) the failure cooldown of an action; returns it in ms. */
  private backOff(action: string): number {
    const previous = this.cooldowns.get(action);
    const failures = (previous?.failures ?? 0) + 1;
    const wait = this.d.config.failureCooldownMs * 2 ** Math.min(failures - 1, 4);
    this.cooldowns.set(action, { failures, until: Date.now() + wait });
    return wait;
  }
}
