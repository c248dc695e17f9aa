// The administration CLI, run as a user would: passwords on standard input, the store under test
// (a SQLite file, or a PostgreSQL database with SALES_SYNC_TEST_DATABASE_URL).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { login } from '../../server/services/users';
import { isPostgresUrl } from '../../server/store/db';
import { openMigratedStore } from '../../server/store/open';
import { openTestStore, type TestStore } from '../support/store';

/** Runs the CLI on a store: a SQLite file or a PostgreSQL URL. */
function cli(db: string, args: string[], input = '', env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
    input,
    encoding: 'utf8',
    env: {
      ...process.env,
      ...(isPostgresUrl(db) ? { SALES_SYNC_DATABASE_URL: db } : { SALES_SYNC_DB: db }),
      ...env,
    },
  });
  return { status: run.status, out: run.stdout, err: run.stderr };
}

describe('cli', function () {
  this.timeout(60_000);
  let opened: TestStore;
  let db: string;
  beforeEach(async () => {
    opened = await openTestStore();
    db = opened.location;
  });
  afterEach(() => opened.drop());

  const canSignIn = async (username: string, password: string) => {
    const store = await openMigratedStore(db);
    try {
      const outcome = await login(
        store.db,
        { username, password },
        { now: new Date(), tokenHours: 1 },
      );
      return outcome.ok ? outcome.user : null;
    } finally {
      await store.close();
    }
  };

  it('adds a user with the password from stdin, then resets it', async () => {
    const added = cli(
      db,
      ['user', 'add', 'li.na', '--role', 'sales', '--regions', 'HD,HN', '--name', '李娜'],
      'first-password\n',
    );
    assert.equal(added.status, 0, added.err);
    assert.match(added.out, /li\.na \(sales\) added/);
    const user = await canSignIn('li.na', 'first-password');
    assert.deepEqual(user && [user.role, user.regions, user.displayName], [
      'sales',
      ['HD', 'HN'],
      '李娜',
    ]);
    const reset = cli(db, ['user', 'reset-password', 'li.na'], 'second-password\n');
    assert.equal(reset.status, 0, reset.err);
    assert.equal(await canSignIn('li.na', 'first-password'), null);
    assert.ok(await canSignIn('li.na', 'second-password'));
  });

  it('refuses a bad role, a short password and an unknown user with a message', () => {
    const badRole = cli(db, ['user', 'add', 'x', '--role', 'boss'], 'long-enough-pw\n');
    assert.equal(badRole.status, 1);
    assert.match(badRole.err, /--role must be one of/);
    const short = cli(db, ['user', 'add', 'x', '--role', 'sales'], 'short\n');
    assert.equal(short.status, 1);
    assert.match(short.err, /at least 8 characters/);
    const unknown = cli(db, ['user', 'reset-password', 'nobody'], 'long-enough-pw\n');
    assert.equal(unknown.status, 1);
    assert.match(unknown.err, /No user called nobody/);
  });

  it('rebuilds stock from the ledger and reports no difference on a consistent store', () => {
    const run = cli(db, ['stock', 'rebuild']);
    assert.equal(run.status, 0, run.err);
    const report = JSON.parse(run.out) as { differences: unknown[] };
    assert.deepEqual(report.differences, []);
  });

  it('checks the credit exposure against the ledger, and repairs a tampered row', async () => {
    const store = await openMigratedStore(db);
    try {
      await store.db
        .insertInto('dealer_exposure')
        .values({ dealer_code: 'GHOST', credit_limit: null, open_orders: 5, receivables: 0 })
        .execute();
    } finally {
      await store.close();
    }
    const check = cli(db, ['exposure', 'rebuild']);
    assert.equal(check.status, 0, check.err);
    const found = JSON.parse(check.out) as { differences: { key: string }[]; repaired: boolean };
    assert.deepEqual([found.differences.map((d) => d.key), found.repaired], [['GHOST'], false]);
    const repair = cli(db, ['exposure', 'rebuild', '--repair']);
    assert.equal((JSON.parse(repair.out) as { repaired: boolean }).repaired, true);
    const again = JSON.parse(cli(db, ['exposure', 'rebuild']).out) as { differences: unknown[] };
    assert.deepEqual(again.differences, []);
  });
});
