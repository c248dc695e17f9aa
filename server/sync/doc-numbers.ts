// Canonical document numbers PREFIX-YYYYMMDD-NNNN, one sequence per prefix and business day:
// SO- an order, GR- a goods receipt, SH- a shipment, TR- a transfer, AD- an adjustment,
// RC- a bank receipt, AL- an allocation, PA- a payer alias, CN- a credit note, CP- a complaint,
// RT- a return line (docs/returns.md), SM- a line of the showroom's sample book. The sequence of
// SO-20261127 is the `counters` row named 'SO-20261127'.
//
// A push claims its day's row when it opens the allocator and keeps it until its transaction
// ends, hands out numbers in memory (a push numbers thousands of rows), and adds what it took
// when it writes. Two pushes that number documents of one prefix at once therefore run one
// after the other: SQLite has one writer at a time anyway, and on PostgreSQL the claim's
// INSERT … ON CONFLICT DO UPDATE locks the row until commit, as SELECT … FOR UPDATE would
// (https://www.postgresql.org/docs/15/sql-insert.html#SQL-ON-CONFLICT). The write adds to the
// stored value atomically and checks it landed where the claim said: a writer that got past
// the claim makes the push fail, never two documents share a number.
import type { Db } from '../store/db';
import { sendWrite, type WriteTarget } from '../store/write-queue';

export type DocPrefix =
  | 'SO'
  | 'GR'
  | 'SH'
  | 'TR'
  | 'AD'
  | 'RC'
  | 'AL'
  | 'PA'
  | 'CN'
  | 'CP'
  // market order and rebates (docs/market-order.md): scans, cases, deposit entries, settlements
  | 'MS'
  | 'MC'
  | 'DP'
  | 'RB'
  // returns (docs/returns.md)
  | 'RT'
  // the showroom's sample book (docs/samples.md)
  | 'SM';

/**
 * The seam where a store locks a counter row for the rest of its transaction and reads it:
 * creates the row at 0 when the day has none. One statement on SQLite (≥ 3.35) and PostgreSQL.
 */
async function claimCounter(trx: Db, name: string): Promise<number> {
  const row = await trx
    .insertInto('counters')
    .values({ name, value: 0 })
    .onConflict((oc) =>
      oc.column('name').doUpdateSet((eb) => ({ value: eb.ref('counters.value') })),
    )
    .returning('value')
    .executeTakeFirstOrThrow();
  return row.value;
}

export class DocNumbers {
  private current: number;

  private constructor(
    private readonly trx: Db,
    private readonly name: string,
    private readonly start: number,
  ) {
    this.current = start;
  }

  /** Claims the sequence of `prefix` on `today`, the business date 'YYYY-MM-DD' (Asia/Shanghai). */
  static async open(trx: Db, prefix: DocPrefix, today: string): Promise<DocNumbers> {
    const name = `${prefix}-${today.replaceAll('-', '')}`;
    return new DocNumbers(trx, name, await claimCounter(trx, name));
  }

  /** The number the next `take` will hand out. */
  peek(): string {
    return `${this.name}-${String(this.current + 1).padStart(4, '0')}`;
  }

  take(): string {
    const id = this.peek();
    this.current += 1;
    return id;
  }

  /**
   * Writes the numbers taken — now, or into `target` (the push's WriteQueue); call once, in the
   * transaction that opened the allocator. The counter must still hold what the claim read: a
   * writer that got past the claim fails the push (the write touches no row), never two
   * documents share a number.
   */
  async flush(target: WriteTarget = this.trx): Promise<void> {
    if (this.current === this.start) return;
    const query = this.trx
      .updateTable('counters')
      .set({ value: this.current })
      .where('name', '=', this.name)
      .where('value', '=', this.start)
      .compile();
    await sendWrite(target, {
      table: 'counters',
      query,
      expectRows: 1,
      failure: `counter ${this.name} moved during the push (claimed at ${this.start})`,
    });
  }
}

/**
 * One number of a sequence that is not per day (a project's documents, XD-P1-0001): one atomic
 * statement that creates or advances the counter, so two writers never take the same number.
 */
export async function takeNumber(trx: Db, name: string): Promise<string> {
  const row = await trx
    .insertInto('counters')
    .values({ name, value: 1 })
    .onConflict((oc) =>
      oc.column('name').doUpdateSet((eb) => ({ value: eb(eb.ref('counters.value'), '+', 1) })),
    )
    .returning('value')
    .executeTakeFirstOrThrow();
  return `${name}-${String(row.value).padStart(4, '0')}`;
}
