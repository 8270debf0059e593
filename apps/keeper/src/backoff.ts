/** Exponential backoff with a ceiling: `base * 2^(attempt-1)` ms, capped, with up to 20 % jitter. */
export type BackoffOptions = {
  /** {ms} Delay after the first failure. */
  readonly baseMs: number;
  /** {ms} Longest delay. */
  readonly maxMs: number;
  /** In [0, 1): the random part of each delay; `random` is injectable for tests. */
  readonly jitter?: number;
  readonly random?: () => number;
};

/** {ms} The delay before retry number `attempt` (1 = after the first failure); 0 for attempt ≤ 0. */
export function backoffDelay(attempt: number, options: BackoffOptions): number {
  if (attempt <= 0) return 0;
  const exponential = options.baseMs * 2 ** Math.min(attempt - 1, 30);
  const capped = Math.min(options.maxMs, exponential);
  const jitter = options.jitter ?? 0.2;
  const random = options.random ?? Math.random;
  // Down only: the ceiling is a promise to the operator.
  return Math.round(capped * (1 - jitter * random()));
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted === true || ms <= 0) {
      resolve();
      return;
    }
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}
