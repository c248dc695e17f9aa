// The stale-update rule of the sync protocol: an update based on an old version is a conflict,
// unless the fields the user changed were not changed on the server since that version.

type MergeDecision<T = Record<string, unknown>> =
  { kind: 'unchanged' } | { kind: 'apply'; values: T } | { kind: 'conflict'; fields: string[] };

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

type Values = Readonly<Record<string, unknown>>;

export function changedFields(before: object, after: object): string[] {
  const a = before as Values;
  const b = after as Values;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((key) => !same(a[key], b[key]));
}

/**
 * @param current  the server's values now (at `currentVersion`)
 * @param incoming the user's row
 * @param base     the server's values at the version the user started from (null when unknown)
 */
export function decideUpdate<T extends object>(input: {
  current: T;
  currentVersion: number;
  incoming: T;
  baseVersion: number | undefined;
  base: object | null;
}): MergeDecision<T> {
  const { current, incoming } = input;
  if (changedFields(current, incoming).length === 0) return { kind: 'unchanged' };
  if (input.baseVersion === input.currentVersion) return { kind: 'apply', values: { ...incoming } };
  if (
    input.baseVersion === undefined ||
    input.base === null ||
    input.baseVersion > input.currentVersion
  ) {
    return { kind: 'conflict', fields: changedFields(current, incoming) };
  }
  const mine = changedFields(input.base, incoming);
  const theirs = new Set(changedFields(input.base, current));
  const clashing = mine.filter((f) => theirs.has(f));
  if (clashing.length > 0) return { kind: 'conflict', fields: clashing };
  // Field by field from two values of the same shape: the result has that shape too.
  const merged: Record<string, unknown> = { ...(current as Values) };
  for (const field of mine) merged[field] = (incoming as Values)[field];
  return { kind: 'apply', values: merged as T };
}
