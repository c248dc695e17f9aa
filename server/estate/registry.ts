// Every estate dataset's handler, for server/sync/registry.ts (module `estate`). Projects and
// buildings are master data served from their declarations there.
import type { DatasetHandler } from '../sync/handler';
import { contractsHandler } from './contracts';
import { holdsHandler } from './holds';
import { reportHandlers } from './report';
import { subscriptionsHandler } from './subscriptions';
import { unitsHandler } from './units';

export function estateHandlers(): DatasetHandler[] {
  return [
    unitsHandler(),
    holdsHandler(),
    subscriptionsHandler(),
    contractsHandler(),
    ...reportHandlers(),
  ];
}
