// Canonical finance numbers PREFIX-YYYYMMDD-NNNN: RC- a bank receipt, AL- an allocation, PA- a
// payer alias, CN- a credit note. Same scheme and `counters` rows as the stock documents (one counter per prefix
// and day), read once (locked on PostgreSQL) and written once per push.
import type { Db } from '../store/db';
import { lockedCounter } from '../store/locks';

export type FinancePrefix = 'RC' | 'AL' | 'PA' | 'CN';

export interface FinanceNumbers {
  take: () => string;
  flush: () => Promise<void>;
}

/** `today` is the business date 'YYYY-MM-DD' (Asia/Shanghai). */
export async function openNumbers(
  db: Db,
  prefix: FinancePrefix,
  today: string,
): Promise<FinanceNumbers> {
  const name = `${prefix}-${today.replaceAll('-', '')}`;
  const start = await lockedCounter(db, name);
  let current = start;
  return {
    take: () => `${name}-${String(++current).padStart(4, '0')}`,
    flush: async () => {
      if (current === start) return;
      await db
        .insertInto('counters')
        .values({ name, value: current })
        .onConflict((oc) => oc.column('name').doUpdateSet({ value: current }))
        .execute();
    },
  };
}
