// Demo dealer support (docs/dealer-support.md): some of each register, so every pull of the
// family shows something real once the history is replayed.
import type { Catalog } from './catalog';
import type { Pusher } from './pusher';
import type { Db } from '../store/db';
import { seedEvents } from './support-events';
import { seedIntelligence, seedQualifications, seedSamples } from './support-registers';

export async function seedSupport(pusher: Pusher, db: Db, catalog: Catalog, today: string) {
  await seedQualifications(pusher, catalog, today);
  await seedSamples(pusher, db, catalog, today);
  await seedEvents(pusher, db, catalog, today);
  await seedIntelligence(pusher, today);
}
