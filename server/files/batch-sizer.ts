// How many rows the next push transaction of a non-atomic import takes. Each batch holds the
// request loop for as long as its transaction runs (better-sqlite3 is synchronous), so the size
// follows the time the last batch took: a slow store or a heavy dataset gets smaller batches,
// a fast one larger, and every batch stays near TARGET_MS (docs/architecture.md, "Imports").

export const batchLimits = {
  /** The loop time one batch aims at. */
  targetMs: 15,
  first: 100,
  min: 10,
  max: 1000,
};

export class BatchSizer {
  private size = batchLimits.first;

  /** Rows for the next batch. */
  get next(): number {
    return this.size;
  }

  /** The last batch of `rows` rows took `ms`: scale the size toward the target, at most ×2 or ÷4. */
  took(rows: number, ms: number): void {
    if (rows <= 0) return;
    const perRow = Math.max(ms, 0.01) / rows;
    const ideal = batchLimits.targetMs / perRow;
    const bounded = Math.min(ideal, this.size * 2, batchLimits.max);
    this.size = Math.max(batchLimits.min, Math.round(Math.max(bounded, this.size / 4)));
  }
}
