// The one global change counter. Rows written in a transaction each take the next value, so a
// pull page boundary never splits rows that share a stamp. Reads then writes the counter inside
// the transaction: SQLite serialises writers (better-sqlite3 uses one connection behind Kysely);
// on PostgreSQL this becomes SELECT … FOR UPDATE.
//
// It stays apart from the document numbers (doc-numbers.ts): it is one row that every write of
// every dataset advances, a stamp pull cursors compare, never a name a person sees; it must
// exist before any push (the migration creates it) and has no prefix or day to reset on.
import type { Db } from '../store/db';
import type { WriteContext } from './handler';

export interface SeqAllocator {
  next: () => number;
  flush: () => Promise<void>;
}

export async function openSeqAllocator(trx: Db): Promise<SeqAllocator> {
  const row = await trx
    .selectFrom('counters')
    .select('value')
    .where('name', '=', 'change_seq')
    .executeTakeFirstOrThrow();
  const start = row.value;
  let current = start;
  return {
    next: () => ++current,
    flush: async () => {
      if (current !== start)
        await trx
          .updateTable('counters')
          .set({ value: current })
          .where('name', '=', 'change_seq')
          .execute();
    },
  };
}

/** The columns a written row carries besides its values: version, change stamp, when and who. */
export function rowStamp(ctx: Pick<WriteContext, 'nextSeq' | 'now' | 'actor'>, version: number) {
  return {
    version,
    change_seq: ctx.nextSeq(),
    updated_at: ctx.now.toISOString(),
    updated_by: ctx.actor.user.username,
  };
}

export async function currentSeq(db: Db): Promise<{ seq: number; horizon: number }> {
  const rows = await db
    .selectFrom('counters')
    .select(['name', 'value'])
    .where('name', 'in', ['change_seq', 'horizon'])
    .execute();
  const get = (name: string) => rows.find((r) => r.name === name)?.value ?? 0;
  return { seq: get('change_seq'), horizon: get('horizon') };
}

/** Business dates are Asia/Shanghai calendar dates (UTC+8, no daylight saving). */
export function shanghaiDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
