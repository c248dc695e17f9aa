// Canonical document numbers: PREFIX-YYYYMMDD-NNNN (SO-20261127-0001 for an order, GR-… for a
// receipt, SH-… shipment, TR-… transfer, AD-… adjustment). One counter row per prefix and day
// in `counters` (name 'SO-20261127'), read once (locked on PostgreSQL: several instances never
// hand out one number twice) and written once per push.
import type { Db } from '../store/db';
import { lockedCounter } from '../store/locks';

export type DocPrefix = 'SO' | 'GR' | 'SH' | 'TR' | 'AD';

export class DocNumbers {
  private current: number;

  private constructor(
    private readonly name: string,
    private readonly start: number,
  ) {
    this.current = start;
  }

  /** `today` is the business date 'YYYY-MM-DD' (Asia/Shanghai). */
  static async open(db: Db, prefix: DocPrefix, today: string): Promise<DocNumbers> {
    const name = `${prefix}-${today.replaceAll('-', '')}`;
    return new DocNumbers(name, await lockedCounter(db, name));
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

  async flush(db: Db): Promise<void> {
    if (this.current === this.start) return;
    await db
      .insertInto('counters')
      .values({ name: this.name, value: this.current })
      .onConflict((oc) => oc.column('name').doUpdateSet({ value: this.current }))
      .execute();
  }
}
