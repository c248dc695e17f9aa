// The dealer-support datasets' handlers (shared/support/datasets.ts), named once in
// server/sync/registry.ts.
import {
  eventResultsDataset,
  promotionResultsDataset,
  qualificationExpiryDataset,
  sampleQuotaUseDataset,
} from '../../shared/support/datasets';
import { defineHandler, type DatasetHandler } from '../sync/handler';
import { pullEventResults, pullPromotionResults } from './event-results';
import { eventDealersHandler, eventOrdersHandler, eventsHandler } from './events';
import { pullExpiry } from './expiry';
import { marketIntelHandler } from './intelligence';
import { licenceRequirementsHandler, qualificationsHandler } from './qualifications';
import { pullQuotaUse } from './sample-use';
import { sampleIssuesHandler } from './sample-issues';
import { marketingBudgetsHandler, sampleQuotasHandler } from './samples';

export function supportHandlers(): DatasetHandler[] {
  return [
    sampleQuotasHandler(),
    sampleIssuesHandler(),
    marketingBudgetsHandler(),
    defineHandler(sampleQuotaUseDataset, { pull: pullQuotaUse }),
    eventsHandler(),
    eventDealersHandler(),
    eventOrdersHandler(),
    defineHandler(eventResultsDataset, { pull: pullEventResults }),
    defineHandler(promotionResultsDataset, { pull: pullPromotionResults }),
    marketIntelHandler(),
    qualificationsHandler(),
    licenceRequirementsHandler(),
    defineHandler(qualificationExpiryDataset, { pull: pullExpiry }),
  ];
}
