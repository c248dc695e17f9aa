// Writes a transaction sends together at its end. Over a network every statement is a round
// trip, and a push ends with a run of writes nothing in the push reads again (its rows, stock
// balances and ledger, credit figures, document counters, audit, applied mutation ids): queued
// here, PostgreSQL receives them as one statement of data-modifying WITH clauses per group, so
// a 5-line order spends one round trip on its writes instead of eight. SQLite runs them one
// after the other, as it would have (it has no round trips to save). See docs/architecture.md,
// "Round trips".
//
// What may be queued: a statement that writes one table from the values it carries (no
// subquery over another table, no RETURNING, no `$` in its text but its placeholders, which are
// renumbered — Kysely passes every value as a parameter) and that nothing later in the
// transaction reads before the flush. PostgreSQL runs the statements of one WITH concurrently
// on one snapshot (https://www.postgresql.org/docs/15/queries-with.html#QUERIES-WITH-MODIFYING),
// so a group never holds two statements on one table: each sees every earlier group's writes.
// Foreign keys are checked when the whole statement ends, so a child row may share a group with
// its parent.
import { CompiledQuery } from 'kysely';
import type { Db } from './db';
import { isPostgres } from './dialect';

interface QueuedWrite {
  table: string;
  query: CompiledQuery;
  /** Rows the statement must touch; the flush fails (and the transaction with it) otherwise. */
  expectRows?: number;
  /** What that failure says. */
  failure?: string;
}

/** PostgreSQL takes up to 65,535 parameters per statement; a group stays below it. */
const MAX_GROUP_PARAMETERS = 60_000;
const PLACEHOLDER = /\$(\d+)/g;

export class WriteQueue {
  private readonly queued: QueuedWrite[] = [];

  constructor(readonly trx: Db) {}

  add(write: QueuedWrite): void {
    this.queued.push(write);
  }

  /** Sends what is queued, in order, and empties the queue. */
  async flush(): Promise<void> {
    const writes = this.queued.splice(0);
    if (writes.length === 0) return;
    if (!isPostgres(this.trx)) {
      for (const write of writes) {
        const result = await this.trx.executeQuery(write.query);
        checkRows(write, Number(result.numAffectedRows ?? 0));
      }
      return;
    }
    for (const group of groups(writes)) await this.sendGroup(group);
  }

  private async sendGroup(group: QueuedWrite[]): Promise<void> {
    const [only] = group;
    if (group.length === 1 && only && only.expectRows === undefined) {
      await this.trx.executeQuery(only.query);
      return;
    }
    const parameters = group.flatMap((write) => write.query.parameters);
    const result = await this.trx.executeQuery<Record<string, number | string>>(
      CompiledQuery.raw(groupText(group), parameters),
    );
    const counts = result.rows[0] ?? {};
    group.forEach((write, i) => {
      if (write.expectRows !== undefined) checkRows(write, Number(counts[`w${i}`] ?? 0));
    });
  }
}

/**
 * A group's statement text, kept by the texts it joins: a push's writes come in a few shapes
 * (bulk writers keep theirs, store/bulk.ts), and renumbering placeholders costs more than
 * sending them.
 */
const groupTexts = new Map<string, string>();
const GROUP_TEXTS = 256;

function groupText(group: readonly QueuedWrite[]): string {
  const key = group
    .map(
      (w) => `${w.expectRows === undefined ? '' : '#'}${w.query.parameters.length}:${w.query.sql}`,
    )
    .join('\u0000');
  const known = groupTexts.get(key);
  if (known !== undefined) return known;
  let offset = 0;
  const clauses = group.map((write, i) => {
    const shift = offset;
    offset += write.query.parameters.length;
    const text = write.query.sql.replace(PLACEHOLDER, (_, n: string) => `$${Number(n) + shift}`);
    return `w${i} AS (${text}${write.expectRows === undefined ? '' : ' RETURNING 1'})`;
  });
  const counted = group.flatMap((write, i) =>
    write.expectRows === undefined ? [] : [`(SELECT count(*) FROM w${i}) AS w${i}`],
  );
  const text = `WITH ${clauses.join(', ')} SELECT ${counted.length > 0 ? counted.join(', ') : '1'}`;
  if (groupTexts.size >= GROUP_TEXTS) groupTexts.clear();
  groupTexts.set(key, text);
  return text;
}

function checkRows(write: QueuedWrite, rows: number): void {
  if (write.expectRows !== undefined && rows !== write.expectRows)
    throw new Error(
      write.failure ?? `${write.table}: a write touched ${rows} rows, not ${write.expectRows}`,
    );
}

/** Consecutive writes, cut where a table would repeat or the parameters would overflow. */
function groups(writes: readonly QueuedWrite[]): QueuedWrite[][] {
  const result: QueuedWrite[][] = [];
  let current: QueuedWrite[] = [];
  let tables = new Set<string>();
  let parameters = 0;
  for (const write of writes) {
    const count = write.query.parameters.length;
    if (
      current.length > 0 &&
      (tables.has(write.table) || parameters + count > MAX_GROUP_PARAMETERS)
    ) {
      result.push(current);
      current = [];
      tables = new Set();
      parameters = 0;
    }
    current.push(write);
    tables.add(write.table);
    parameters += count;
  }
  if (current.length > 0) result.push(current);
  return result;
}

/** Where a write goes: straight to the transaction, or into its queue. */
export type WriteTarget = Db | WriteQueue;

export const dbOf = (target: WriteTarget): Db =>
  target instanceof WriteQueue ? target.trx : target;

/** Runs a write now, or queues it when `target` is a queue. */
export async function sendWrite(target: WriteTarget, write: QueuedWrite): Promise<void> {
  if (target instanceof WriteQueue) {
    target.add(write);
    return;
  }
  const result = await target.executeQuery(write.query);
  checkRows(write, Number(result.numAffectedRows ?? 0));
}
