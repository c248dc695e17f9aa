// The sell-out datasets' handlers (shared/sellout/datasets.ts), named once in
// server/sync/registry.ts.
import type { DatasetHandler } from '../sync/handler';
import { stockDifferencesHandler } from './differences';
import { fairInputsHandler } from './fair-inputs';
import { dealerReportsHandler } from './reports';
import { replenishmentRulesHandler } from './rules';
import { storePullHandlers } from './store-pulls';
import { markdownLadderHandler, storeSalesHandler } from './store-writes';

export function selloutHandlers(): DatasetHandler[] {
  return [
    dealerReportsHandler(),
    stockDifferencesHandler(),
    replenishmentRulesHandler(),
    fairInputsHandler(),
    storeSalesHandler(),
    markdownLadderHandler(),
    ...storePullHandlers(),
  ];
}
