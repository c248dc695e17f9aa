// The matching index over today's ledger: open invoices and orders, dealers by code and name,
// and the payer aliases finance confirmed or the system learned.
import { buildMatchIndex, type MatchIndex } from '../../shared/finance/match-index';
import type { Db } from '../store/db';
import { liveAliases, toPayerAlias } from './aliases';
import { buildLedger, openItems, type Ledger } from './ledger';
import { loadLedgerSources } from './ledger-sources';

interface MatchSetup {
  ledger: Ledger;
  index: MatchIndex;
}

export async function loadMatchSetup(db: Db): Promise<MatchSetup> {
  const ledger = buildLedger(await loadLedgerSources(db));
  const dealers = [...ledger.dealers.values()]
    .filter((d) => d.name !== '')
    .map((d) => ({ code: d.code, name: d.name }));
  const aliases = (await liveAliases(db)).map(toPayerAlias);
  return { ledger, index: buildMatchIndex({ items: openItems(ledger), dealers, aliases }) };
}
