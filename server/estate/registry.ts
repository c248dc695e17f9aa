// Every estate dataset's handler, for server/sync/registry.ts (module `estate`). Projects and
// buildings are master data served from their declarations there.
import type { DatasetHandler } from '../sync/handler';
import { attendanceHandler } from './attendance';
import { collectionScheduleHandler } from './collection-schedule';
import { collectionsHandler } from './collections';
import { commissionHandlers } from './commission';
import { commissionStatementsHandler } from './commission-statements';
import { contractsHandler } from './contracts';
import { expireHoldsBeforeRead } from './store';
import { holdsHandler } from './holds';
import { receptionsHandler } from './reception';
import { receptionQueueHandler } from './reception-queue';
import { reportHandlers } from './report';
import { rosterHandlers } from './roster';
import { subscriptionsHandler } from './subscriptions';
import { unitsHandler } from './units';
import { visitsHandler } from './visits';
import { weeklyHandler } from './weekly';

/** Every estate pull first lets holds whose time ran out expire (the clock moves the 销控表). */
export function estateHandlers(): DatasetHandler[] {
  return [
    unitsHandler(),
    holdsHandler(),
    subscriptionsHandler(),
    contractsHandler(),
    ...reportHandlers(),
    visitsHandler(),
    ...rosterHandlers(),
    receptionsHandler(),
    receptionQueueHandler(),
    attendanceHandler(),
    weeklyHandler(),
    collectionsHandler(),
    collectionScheduleHandler(),
    commissionStatementsHandler(),
    ...commissionHandlers(),
  ].map((handler) => ({ ...handler, beforePull: expireHoldsBeforeRead }));
}
