// The stale-update rule of the sync protocol: an update based on an old version is a conflict,
// unless the fields the user changed were not changed on the server since that version.

export type MergeDecision =
  | { kind: 'unchanged' }
  | { kind: 'apply'; values: Record<string, unknown> }
  | { kind: 'conflict'; fields: string[] };

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function changedFields(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => !same(before[key], after[key]));
}

/**
 * @param current  the server's values now (at `currentVersion`)
 * @param incoming the user's row
 * @param base     the server's values at the version the user started from (null when unknown)
 */
export function decideUpdate(input: {
  current: Readonly<Record<string, unknown>>;
  currentVersion: number;
  incoming: Readonly<Record<string, unknown>>;
  baseVersion: number | undefined;
  base: Readonly<Record<string, unknown>> | null;
}): MergeDecision {
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
  const merged: Record<string, unknown> = { ...current };
  for (const field of mine) merged[field] = incoming[field];
  return { kind: 'apply', values: merged };
}
