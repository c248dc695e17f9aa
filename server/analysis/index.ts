// The analysis datasets, registered in server/sync/registry.ts.
import type { DatasetHandler } from '../sync/handler';
import { deliveryVarianceHandler } from './delivery-variance';
import { dealerGradesHandler, dealerScoresHandler } from './dealer-scores';
import { fairGuidanceHandler } from './fair-guidance';
import { gradingSchemesHandler } from './grading';
import { replenishmentHandler } from './replenishment';
import { salesFactsHandler } from './sales-facts';
import { analysisSettingsHandler } from './settings';
import { achievementHandler, targetSplitsHandler } from './target-pulls';
import { targetsHandler } from './targets';

export function analysisHandlers(): DatasetHandler[] {
  return [
    salesFactsHandler(),
    targetsHandler(),
    targetSplitsHandler(),
    achievementHandler(),
    gradingSchemesHandler(),
    dealerScoresHandler(),
    dealerGradesHandler(),
    replenishmentHandler(),
    fairGuidanceHandler(),
    deliveryVarianceHandler(),
    analysisSettingsHandler(),
  ];
}
