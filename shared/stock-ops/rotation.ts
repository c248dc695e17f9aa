// The showroom's rotation list (docs/samples.md, "Rotation"): styles on show that have not sold
// for the slow-mover period of the analysis settings (滞销天数), ranked by how many samples they
// tie up, beside the best-selling styles of the sales window (销售统计天数) the showroom lacks.
// Pure: the server passes in the figures.

interface RotationInput {
  /** Samples per style in the showroom (in the showroom and on loan). */
  samples: ReadonlyMap<string, number>;
  /** Units shipped per style in the slow-mover period. */
  shippedSlowPeriod: ReadonlyMap<string, number>;
  /** Units shipped per style in the sales window. */
  shippedWindow: ReadonlyMap<string, number>;
  /** How many best-sellers to look at. */
  size: number;
}

interface RotationRow {
  rank: number;
  slowStyleCode?: string;
  slowSamples?: number;
  bestStyleCode?: string;
  bestShipped?: number;
}

const byValueThenCode = (a: [string, number], b: [string, number]) =>
  b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

export function rotationList(input: RotationInput): RotationRow[] {
  const slow = [...input.samples]
    .filter(([style, n]) => n > 0 && (input.shippedSlowPeriod.get(style) ?? 0) === 0)
    .sort(byValueThenCode);
  const best = [...input.shippedWindow]
    .filter(([style, n]) => n > 0 && (input.samples.get(style) ?? 0) === 0)
    .sort(byValueThenCode)
    .slice(0, input.size);
  return Array.from({ length: Math.max(slow.length, best.length) }, (_, i) => {
    const out = slow[i];
    const bring = best[i];
    return {
      rank: i + 1,
      ...(out ? { slowStyleCode: out[0], slowSamples: out[1] } : {}),
      ...(bring ? { bestStyleCode: bring[0], bestShipped: bring[1] } : {}),
    };
  });
}
