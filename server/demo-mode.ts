// Demo mode: the default on an empty store, or forced with SALES_SYNC_DEMO=1. It seeds demo
// users whose password is "demo", so it refuses any address but loopback.
import type { Config } from './config';
import { isLoopback } from './config';
import type { Logger } from './logger';
import { verifyPassword } from './services/passwords';
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
        modules: config.SALES_SYNC_MODULES,
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

/** Active accounts the demo seeded that still have its password "demo". */
async function demoPasswordAccounts(store: Store): Promise<string[]> {
  const users = await store.db
    .selectFrom('users')
    .select(['username', 'password_hash'])
    .where('status', '=', 'active')
    .where('username', 'like', 'demo-%')
    .orderBy('username')
    .execute();
  const still: string[] = [];
  for (const user of users)
    if (await verifyPassword('demo', user.password_hash)) still.push(user.username);
  return still;
}

/**
 * A store seeded in demo mode keeps its demo accounts after demo mode is turned off. On any
 * address but loopback the server refuses to start while one of them still opens with "demo",
 * and says how to fix it.
 */
export async function assertNoDemoPasswords(store: Store, config: Config): Promise<void> {
  if (isLoopback(config.HOST)) return;
  const still = await demoPasswordAccounts(store);
  if (still.length === 0) return;
  throw new Error(
    [
      `Refusing to listen on ${config.HOST}: ${still.join(', ')} still ${still.length === 1 ? 'has' : 'have'} the demo password "demo", which anyone on the network could use.`,
      'Give each a password of its own:',
      `  npm run cli -- user reset-password ${still[0] ?? '<name>'}`,
      'or turn every demo account off:',
      '  npm run cli -- demo disable',
    ].join('\n'),
  );
}

/** `demo disable`: every active demo account with the password "demo" is disabled. */
export async function disableDemoAccounts(store: Store): Promise<string[]> {
  const still = await demoPasswordAccounts(store);
  if (still.length > 0) {
    await store.db
      .updateTable('users')
      .set({ status: 'disabled' })
      .where('username', 'in', still)
      .execute();
    await store.db
      .deleteFrom('tokens')
      .where(
        'user_id',
        'in',
        store.db.selectFrom('users').select('id').where('username', 'in', still),
      )
      .execute();
  }
  return still;
}
