// When the API client tries a request again, and how long it waits first. A server fault
// (5xx), a busy server (503, 429) or a dropped connection may pass; the client waits — the
// server's Retry-After when it sends one, else a doubling delay — and tries again, but only
// where a second try cannot do anything twice: reads, and pushes, whose Idempotency-Key makes
// the server replay a push it already applied. When the tries run out the user reads plainly
// what happened and what to do (texts.ts: gave-up-*).
import type { HttpResponse } from './transport';

export interface RetryPolicy {
  /** Tries per request, the first included. */
  readonly attempts: number;
  /** The first wait; each later one doubles. */
  readonly delayMs: number;
  /** No wait is longer, whatever Retry-After asks. */
  readonly maxDelayMs: number;
  readonly sleep: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export const defaultRetry: RetryPolicy = {
  attempts: 3,
  delayMs: 500,
  maxDelayMs: 30_000,
  sleep: defaultSleep,
};

/** What a try can repeat safely: a read, or a write the server deduplicates by its key. */
export type CallSafety = 'read' | 'keyed-write' | 'write';

/**
 * Whether an answer (or a dropped connection: null) is worth another try. 502/503/504 mean the
 * request was not processed, so even a plain write may go again; a 500 or a lost connection
 * may have come after the work was done, so only a read or a keyed write goes again; 409 is a
 * keyed write whose first try is still running; 429 asks to come back later.
 */
export function shouldRetry(response: HttpResponse | null, safety: CallSafety): boolean {
  if (response === null) return safety !== 'write';
  const { status } = response;
  if (status === 502 || status === 503 || status === 504) return true;
  if (status === 429) return safety !== 'write';
  if (status >= 500) return safety !== 'write';
  return status === 409 && safety === 'keyed-write';
}

/** Retry-After as delta-seconds or an HTTP date, in ms; null when absent or unreadable. */
function retryAfterMs(response: HttpResponse | null, now: number): number | null {
  const value = response?.header('retry-after')?.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** The wait before try `attempt + 1` (attempt counts from 1). */
export function waitBefore(
  policy: RetryPolicy,
  input: { attempt: number; response: HttpResponse | null; now: number },
): number {
  const asked = retryAfterMs(input.response, input.now);
  const backoff = policy.delayMs * 2 ** (input.attempt - 1);
  return Math.min(policy.maxDelayMs, asked ?? backoff);
}
