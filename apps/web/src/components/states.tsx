// Loading, empty and error states: every read shows one of these until it has data.

import { BlockEtfError } from "@blocketf/sdk";
import type { ReactNode } from "react";

export function Loading({ what }: { what: string }) {
  return (
    <output className="muted loading">
      <span className="spinner" aria-hidden="true" /> Loading {what}…
    </output>
  );
}

export function ErrorState({ what, error, retry }: { what: string; error: unknown; retry?: () => void }) {
  const message =
    error instanceof BlockEtfError
      ? error.shortMessage
      : error instanceof Error
        ? error.message
        : String(error);
  return (
    <div className="error-box" role="alert">
      <p>
        Could not load {what}: {message}
      </p>
      {retry !== undefined && (
        <button type="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="muted empty">{children}</p>;
}

/** A headline figure: a label, a value, and an optional note under it. */
export function Stat({
  label,
  value,
  note,
  testId,
}: {
  label: string;
  value: ReactNode;
  note?: ReactNode;
  testId?: string;
}) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
      {note !== undefined && <dd className="note">{note}</dd>}
    </div>
  );
}
