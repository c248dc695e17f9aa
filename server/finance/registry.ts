// Every finance dataset's handler, for server/sync/registry.ts.
import { financeSettingsDataset } from '../../shared/finance/datasets';
import { masterHandler } from '../datasets/master';
import type { DatasetHandler } from '../sync/handler';
import { payerAliasesHandler } from './aliases';
import { allocationsHandler } from './allocations';
import { creditNotesHandler } from './credit-notes';
import { reconciliationHandler } from './reconciliation';
import { bankReceiptsHandler } from './receipts';
import { receivablesHandlers } from './receivables';

export function financeHandlers(): DatasetHandler[] {
  return [
    bankReceiptsHandler(),
    allocationsHandler(),
    creditNotesHandler(),
    payerAliasesHandler(),
    masterHandler(financeSettingsDataset),
    reconciliationHandler(),
    ...receivablesHandlers(),
  ];
}
