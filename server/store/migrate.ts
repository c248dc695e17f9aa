// Versioned migrations, run at start-up in order; each in its own transaction.
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema';
import { onceLocks, whileHoldingOnce } from './locks';
import * as core from './migrations/001-core';
import * as analysis from './migrations/003-analysis';
import * as finance from './migrations/004-finance';
import * as financeSpeed from './migrations/005-finance-speed';
import * as creditNotes from './migrations/006-credit-notes';
import * as liveNaturalKeys from './migrations/010-live-natural-keys';
import * as idempotencyLeases from './migrations/011-idempotency-leases';
import * as signInLimits from './migrations/012-sign-in-limits';
import * as complaints from './migrations/020-complaints';
import * as estate from './migrations/030-estate';
import * as flatCosts from './migrations/031-flat-costs';
import * as estateCollections from './migrations/032-estate-collections';
import * as estateRoster from './migrations/035-estate-roster';
import * as returns from './migrations/040-returns';
import * as returnDates from './migrations/041-return-dates';
import * as stocktakes from './migrations/045-stocktakes';
import * as sampleLoans from './migrations/046-sample-loans';
import * as groupContracts from './migrations/047-group-contracts';
import * as sellout from './migrations/050-sellout';
import * as market from './migrations/060-market';
import * as dealerSupport from './migrations/065-dealer-support';
import * as openWrite from './migrations/070-open-write';

/** The migration that adds the kept credit exposure, which start-up then fills from the ledger. */
export const EXPOSURE_MIGRATION = 31;

interface Migration {
  version: number;
  name: string;
  up: (db: Kysely<unknown>) => Promise<void>;
}

/** Every migration, in order. Later features append theirs here. */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'core', up: core.up },
  { version: 3, name: 'analysis', up: analysis.up },
  { version: 4, name: 'finance', up: finance.up },
  { version: 5, name: 'finance-speed', up: financeSpeed.up },
  { version: 6, name: 'credit-notes', up: creditNotes.up },
  { version: 10, name: 'live-natural-keys', up: liveNaturalKeys.up },
  { version: 11, name: 'idempotency-leases', up: idempotencyLeases.up },
  { version: 12, name: 'sign-in-limits', up: signInLimits.up },
  { version: 20, name: 'complaints', up: complaints.up },
  { version: 30, name: 'estate', up: estate.up },
  { version: EXPOSURE_MIGRATION, name: 'flat-costs', up: flatCosts.up },
  { version: 32, name: 'estate-collections', up: estateCollections.up },
  { version: 35, name: 'estate-roster', up: estateRoster.up },
  { version: 40, name: 'returns', up: returns.up },
  { version: 41, name: 'return-dates', up: returnDates.up },
  { version: 45, name: 'stocktakes', up: stocktakes.up },
  { version: 46, name: 'sample-loans', up: sampleLoans.up },
  { version: 47, name: 'group-contracts', up: groupContracts.up },
  { version: 50, name: 'sellout', up: sellout.up },
  { version: 60, name: 'market', up: market.up },
  { version: 65, name: 'dealer-support', up: dealerSupport.up },
  { version: 70, name: 'open-write', up: openWrite.up },
];

/** Several instances starting at once on one PostgreSQL database migrate one at a time. */
export async function migrate(db: Kysely<Database>, now: () => Date): Promise<number[]> {
  return whileHoldingOnce(db, onceLocks.migrate, () => migrateNow(db, now));
}

async function migrateNow(db: Kysely<Database>, now: () => Date): Promise<number[]> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`.execute(db);
  const done = new Set(
    (await db.selectFrom('schema_migrations').select('version').execute()).map((r) => r.version),
  );
  const applied: number[] = [];
  for (const migration of migrations) {
    if (done.has(migration.version)) continue;
    await db.transaction().execute(async (trx) => {
      await migration.up(trx as unknown as Kysely<unknown>);
      await trx
        .insertInto('schema_migrations')
        .values({
          version: migration.version,
          name: migration.name,
          applied_at: now().toISOString(),
        })
        .execute();
    });
    applied.push(migration.version);
  }
  return applied;
}
