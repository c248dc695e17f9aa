// The audit trail of order lines does not repeat what the line itself holds: an order line is
// the store's largest history (one row per line ordered), and its audit row used to copy the
// whole line. The writers store
//   create        before: null        after: null (the line holds it)
//   update/cancel before: the values the line had   after: null
//   ship          before: null        after: null (shipping changes no pushed value)
// and the values at any version are worked out backwards from the line as it is now: a
// version's `after` is the `before` of the next change, or the line itself for the newest.
// Audit rows written before this (with both sides stored) read as they always did.
import type { Db } from '../store/db';
import { linesByKey, type LineValues } from './orders-store';

/** Actions of the version chain of a line (a credit 'release' is about the order, version 0). */
const lineActions = new Set(['create', 'update', 'cancel', 'ship']);

interface AuditSides {
  version: number;
  action: string;
  before: unknown;
  after: unknown;
}

/**
 * Fills the sides left out of one line's audit entries, newest first from `current` (the line's
 * values now). Entries are changed in place; give every entry of the line from the oldest
 * version wanted up to the newest.
 */
function completeLineAudit(entries: readonly AuditSides[], current: LineValues | null) {
  const chain = entries
    .filter((e) => lineActions.has(e.action))
    .sort((a, b) => b.version - a.version);
  let next: unknown = current;
  for (const entry of chain) {
    entry.after ??= next;
    if (entry.action === 'ship') entry.before ??= entry.after;
    next = entry.before;
  }
}

const parsed = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

/** A line's pushed values at `version`, from its audit trail and the line as it is now. */
export async function lineValuesAtVersion(
  db: Db,
  input: { rowKey: string; version: number; current: LineValues },
): Promise<Record<string, unknown> | null> {
  const rows = await db
    .selectFrom('audit')
    .select(['id', 'version', 'action', 'before', 'after'])
    .where('dataset', '=', 'orders')
    .where('record_key', '=', input.rowKey)
    .where('version', '>=', input.version)
    .orderBy('id')
    .execute();
  const entries = rows.map((r) => ({
    version: r.version,
    action: r.action,
    before: parsed(r.before),
    after: parsed(r.after),
  }));
  completeLineAudit(entries, input.current);
  const at = entries.findLast((e) => e.version === input.version && lineActions.has(e.action));
  return (at?.after as Record<string, unknown> | null | undefined) ?? null;
}

/**
 * Audit entries of the orders dataset (as the audit route shows them, `id` being the audit
 * row's), with the sides the writers left out filled in place.
 */
export async function completeOrderAudit(
  db: Db,
  entries: readonly (AuditSides & { auditId: number; key: string })[],
): Promise<void> {
  const keys = [...new Set(entries.filter((e) => lineActions.has(e.action)).map((e) => e.key))];
  if (keys.length === 0) return;
  const lines = await linesByKey(db, keys);
  for (const key of keys) {
    const shown = new Map(entries.filter((e) => e.key === key).map((e) => [e.auditId, e]));
    const first = Math.min(...[...shown.values()].map((e) => e.version));
    // Later entries than those shown are read too: a version's values come from the next one.
    const rows = await db
      .selectFrom('audit')
      .select(['id', 'version', 'action', 'before', 'after'])
      .where('dataset', '=', 'orders')
      .where('record_key', '=', key)
      .where('version', '>=', first)
      .execute();
    const chain = rows.map(
      (r): AuditSides =>
        shown.get(r.id) ?? {
          version: r.version,
          action: r.action,
          before: parsed(r.before),
          after: parsed(r.after),
        },
    );
    completeLineAudit(chain, lines.get(key)?.values ?? null);
  }
}
