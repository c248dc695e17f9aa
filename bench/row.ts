// One benchmark figure beside its baseline, measured in the same run.
export interface Row {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  baselineName: string;
}

export async function timeIt<T>(work: () => Promise<T> | T): Promise<{ ms: number; result: T }> {
  const started = process.hrtime.bigint();
  const result = await work();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, result };
}
