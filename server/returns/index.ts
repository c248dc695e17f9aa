// The returns datasets' handlers (shared/returns/datasets.ts), named once in
// server/sync/registry.ts.
import {
  deliveryAllowancesDataset,
  returnableLinesDataset,
  returnsSettingsDataset,
} from '../../shared/returns/datasets';
import { masterHandler } from '../datasets/master';
import { defineHandler, type DatasetHandler } from '../sync/handler';
import { returnApprovalsHandler } from './approvals';
import { exchangeApprovalsHandler, transferApprovalsHandler } from './doc-approvals';
import { pullReturnable } from './returnable';
import { returnsHandler } from './returns';
import { exchangesHandler } from './exchanges';
import { dealerTransfersHandler } from './transfers';

export function returnHandlers(): DatasetHandler[] {
  return [
    returnsHandler(),
    returnApprovalsHandler(),
    masterHandler(deliveryAllowancesDataset),
    masterHandler(returnsSettingsDataset),
    defineHandler(returnableLinesDataset, { pull: pullReturnable }),
    exchangesHandler(),
    dealerTransfersHandler(),
    exchangeApprovalsHandler(),
    transferApprovalsHandler(),
  ];
}
