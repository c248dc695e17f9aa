// How each row of an orders push is judged before its group is settled: a new line passes the
// checks of orders-check.ts; an existing one goes through the protocol's stale-update rule
// (decideUpdate, with the base version's values from the audit trail) and then the update rules.
import { changedFields, decideUpdate } from '../../shared/merge';
import { orderLineSchema, type OrderLine } from '../../shared/order';
import type { RowProblem } from '../../shared/row-errors';
import type { MutationOutcome, ParsedMutation } from '../sync/handler';
import { checkNewLine, checkUpdate, type LineCheck, type OrderBatch } from './orders-check';
import {
  lineValues,
  orderKey,
  pullValues,
  type LineValues,
  type StoredLine,
  type StoredOrder,
} from './orders-store';
import { lineValuesAtVersion } from './orders-audit';
import type { ExposureBook } from '../finance/exposure-book';
import type { DocNumbers } from '../sync/doc-numbers';
import type { CallOffBook } from '../stock-ops/call-offs';
import type { CallOffFacts } from './orders-store';

export interface Entry {
  m: ParsedMutation<OrderLine>;
  existing: StoredLine | undefined;
  values: LineValues | undefined;
  outcome?: MutationOutcome;
  plan?: { next: LineValues; check: LineCheck };
  /** A group-buy call-off's contract item and attributed dealer (docs/group-buy.md). */
  callOff?: CallOffFacts;
}

export interface Batch extends OrderBatch {
  orders: Map<string, StoredOrder>;
  newOrders: StoredOrder[];
  numbers: DocNumbers;
  writes: StoredLine[];
  /** The dealers' credit exposure: read by the credit check, moved by every line written. */
  exposure: ExposureBook;
  /** The group-buy contracts the batch's call-offs name, and what they have taken. */
  callOffs: CallOffBook;
}

export const rejected = (problems: RowProblem[]): MutationOutcome => ({
  status: 'rejected',
  problems,
});
export const isFailed = (e: Entry) =>
  e.outcome?.status === 'rejected' || e.outcome?.status === 'conflict';

export const serverValues = (line: StoredLine) => ({
  ...pullValues(line),
  _key: line.rowKey,
  _version: line.version,
});

export function toEntries(
  mutations: readonly ParsedMutation<OrderLine>[],
  existing: Map<string, StoredLine>,
): Entry[] {
  return mutations.map((m) => {
    const line = existing.get(m.rowKey);
    const values =
      m.op === 'delete'
        ? line
          ? { ...line.values, cancelled: true }
          : undefined
        : lineValues(m.values);
    const entry: Entry = { m, existing: line, values };
    if (!values) entry.outcome = { status: 'unchanged', problems: [] };
    return entry;
  });
}

export function groupEntries(entries: readonly Entry[]): Entry[][] {
  const groups = new Map<string, Entry[]>();
  for (const entry of entries) {
    if (!entry.values) continue;
    const key = orderKey(entry.values.dealerCode, entry.values.orderRef);
    const group = groups.get(key) ?? [];
    group.push(entry);
    groups.set(key, group);
  }
  return [...groups.values()];
}

interface Known {
  existing: StoredLine;
  values: LineValues;
}

/** An audit snapshot of a line, read back through the schema it was pushed with. */
function storedLine(snapshot: Readonly<Record<string, unknown>> | null): LineValues | null {
  const parsed = snapshot ? orderLineSchema.safeParse(snapshot) : null;
  return parsed?.success ? lineValues(parsed.data) : null;
}

/** The protocol's stale-update rule, with the base version's values from the audit trail. */
async function decide(batch: Batch, m: ParsedMutation<OrderLine>, known: Known) {
  const { existing } = known;
  const older = m.baseVersion !== undefined && m.baseVersion < existing.version;
  const at = { rowKey: m.rowKey, version: m.baseVersion ?? 0, current: existing.values };
  const base = older ? await lineValuesAtVersion(batch.ctx.trx, at) : null;
  return decideUpdate({
    current: existing.values,
    currentVersion: existing.version,
    incoming: known.values,
    baseVersion: m.baseVersion,
    base: storedLine(base),
  });
}

async function evaluateUpdate(batch: Batch, entry: Entry, known: Known): Promise<void> {
  const { m } = entry;
  const { existing } = known;
  const decision = await decide(batch, m, known);
  if (decision.kind === 'unchanged') {
    entry.outcome = {
      status: 'unchanged',
      id: existing.id,
      version: existing.version,
      problems: [],
    };
    return;
  }
  if (decision.kind === 'conflict') {
    const code = m.baseVersion === undefined ? 'missing-base-version' : 'stale-version';
    const problems: RowProblem[] = [{ code, params: { version: existing.version } }];
    entry.outcome = { status: 'conflict', problems, serverValues: serverValues(existing) };
    return;
  }
  const merged = lineValues(decision.values);
  const next = merged.cancelled ? { ...merged, quantity: existing.values.quantity } : merged;
  // A call-off keeps its contract price whatever the sheet says (docs/group-buy.md).
  if (existing.callOff) next.unitPrice = existing.values.unitPrice;
  const check = checkUpdate(batch, existing, {
    next,
    changed: changedFields(existing.values, next),
  });
  if (check.problems.length === 0)
    check.problems.push(...batch.callOffs.checkIncrease(existing, next));
  if (check.problems.length > 0) entry.outcome = rejected(check.problems);
  else entry.plan = { next, check };
}

export async function evaluate(batch: Batch, entry: Entry): Promise<void> {
  const { existing, values } = entry;
  if (entry.outcome || !values) return;
  if (existing) {
    await evaluateUpdate(batch, entry, { existing, values });
    return;
  }
  const check = checkNewLine(batch, values);
  if (check.problems.length > 0) entry.outcome = rejected(check.problems);
  else entry.plan = { next: values, check };
}

/**
 * New group-buy lines that passed every other check draw on their contract, which prices them
 * (before the credit check reads the amount); see docs/group-buy.md.
 */
export function checkCallOffs(batch: Batch, group: readonly Entry[]): void {
  for (const entry of group) {
    if (!entry.plan || entry.existing || entry.outcome || entry.plan.next.orderType !== 'group')
      continue;
    const callOff = batch.callOffs.check(entry.plan.next, batch.refs);
    if (callOff.problems.length > 0) entry.outcome = rejected(callOff.problems);
    else if (callOff.facts) entry.callOff = callOff.facts;
  }
}

/** Lines of one order agree on its header: with the order already stored, or with the first row. */
export function checkHeader(batch: Batch, group: readonly Entry[]): void {
  const first = group[0]?.values;
  if (!first) return;
  const header = batch.orders.get(orderKey(first.dealerCode, first.orderRef)) ?? first;
  for (const entry of group) {
    if (!entry.plan || entry.existing) continue;
    const fields = (['orderDate', 'orderType'] as const).filter(
      (f) => entry.plan?.next[f] !== header[f],
    );
    if (fields.length > 0)
      entry.outcome = rejected(fields.map((field) => ({ field, code: 'order-inconsistent' })));
  }
}
