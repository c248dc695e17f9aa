// What was collected on each contract, part by part, read from est_collections: the collections
// handler checks a new collection against it, the schedule pull shows it, and commission reads
// the day the price was fully collected (docs/estate.md, "Collections").
import { isFullyCollected, type CollectionPart } from '../../shared/estate/collections';
import type { Schedule } from '../../shared/estate/pricing';
import type { Db } from '../store/db';
import { estMoney } from './money-tables';
import type { EstDocumentsTable } from './tables';

export interface Collected {
  byPart: Partial<Record<CollectionPart, number>>;
  /** The latest collection's date. */
  lastOn: string | null;
}

/** The schedule stored with a contract (copied from its subscription). */
export function scheduleOf(contract: EstDocumentsTable): Schedule {
  const v = JSON.parse(contract.values_json) as Partial<Record<keyof Schedule, number>>;
  return {
    deposit: v.deposit ?? 0,
    downPayment: v.downPayment ?? 0,
    loanAmount: v.loanAmount ?? 0,
    instalments: v.instalments ?? 0,
  };
}

/** Sums per contract and part of the live collections (all contracts, or the ones given). */
export async function collectedByContract(
  db: Db,
  contractIds?: readonly string[],
): Promise<Map<string, Collected>> {
  if (contractIds?.length === 0) return new Map();
  let query = estMoney(db)
    .selectFrom('est_collections')
    .select((eb) => [
      'contract_id',
      'part',
      eb.fn.sum<number>('amount').as('amount'),
      eb.fn.max('collected_on').as('last_on'),
    ])
    .where('deleted', '=', 0)
    .groupBy(['contract_id', 'part']);
  if (contractIds) query = query.where('contract_id', 'in', contractIds);
  const sums = new Map<string, Collected>();
  for (const row of await query.execute()) {
    const entry = sums.get(row.contract_id) ?? { byPart: {}, lastOn: null };
    entry.byPart[row.part] = row.amount;
    if (entry.lastOn === null || row.last_on > entry.lastOn) entry.lastOn = row.last_on;
    sums.set(row.contract_id, entry);
  }
  return sums;
}

/** The date the contract's price was fully collected (the last collection's), or null. */
export function fullyCollectedOn(contract: EstDocumentsTable, collected: Collected | undefined) {
  if (!collected) return null;
  return isFullyCollected(scheduleOf(contract), collected.byPart) ? collected.lastOn : null;
}
