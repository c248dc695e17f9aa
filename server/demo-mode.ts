// Demo mode: the default on an empty store, or forced with SALES_SYNC_DEMO=1. It seeds demo
// users whose password is "demo", so it refuses any address but loopback.
import type { Config } from './config';
import { isLoopback } from './config';
import type { Logger } from './logger';
import type { Store } from './store/db';
import { onceLocks, whileHoldingOnce } from './store/locks';
import { shanghaiDate } from './sync/changes';

async function isEmpty(store: Store): Promise<boolean> {
  const users = await store.db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return users.n === 0 || String(users.n) === '0';
}

/** Returns true when the server runs in demo mode (seeding first if the store is empty). */
export async function prepareDemo(
  store: Store,
  input: { config: Config; logger: Logger; /** A smaller brand (tests). */ scale?: number },
): Promise<boolean> {
  const { config, logger } = input;
  // Several instances starting together on one PostgreSQL database: one seeds, the others wait
  // and then find the store no longer empty.
  return whileHoldingOnce(store.db, onceLocks.demoSeed, async () => {
    const empty = await isEmpty(store);
    const demo = config.SALES_SYNC_DEMO ?? empty;
    if (!demo) return false;
    if (!isLoopback(config.HOST)) {
      throw new Error(
        `Demo mode (users with the password "demo") only runs on a loopback address, not ${config.HOST}. Set SALES_SYNC_DEMO=0 and add users with "npm run cli -- user add".`,
      );
    }
    if (empty) {
      const { seedDemo } = await import('./demo/seed');
      logger.info('seeding demo data (first start on an empty store)');
      const counts = await seedDemo(store, {
        today: shanghaiDate(new Date()),
        ...(input.scale === undefined ? {} : { scale: input.scale }),
        onProgress: (message: string) => {
          logger.info('demo', { message });
        },
      });
      logger.info('demo data ready', { counts });
    }
    return true;
  });
}
