// The administration CLI, run as a user would: passwords on standard input, the store under test
// (a SQLite file, or a PostgreSQL database with SALES_SYNC_TEST_DATABASE_URL).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeRecords } from '../../server/datasets/records-store';
import { signInLimits } from '../../server/services/sign-in-limits';
import { addUser, login } from '../../server/services/users';
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
  // Each command is a Node process compiling TypeScript: seconds apiece on a busy machine.
  this.timeout(240_000);
  let opened: TestStore;
  let dir: string;
  let db: string;
  beforeEach(async () => {
    opened = await openTestStore();
    db = opened.location;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sales-sync-cli-'));
  });
  afterEach(async () => {
    await opened.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const canSignIn = async (username: string, password: string) => {
    const store = await openMigratedStore(db);
    try {
      const outcome = await login(
        store.db,
        { username, password },
        { now: new Date(), tokenHours: 1, address: '127.0.0.1' },
      );
      return outcome.ok ? outcome.user : null;
    } finally {
      await store.close();
    }
  };

  /** Regions HD and HN, as if a manager had pushed them. */
  const seedRegions = async () => {
    const store = await openMigratedStore(db);
    const at = new Date().toISOString();
    await writeRecords(
      store.db,
      ['HD', 'HN'].map((code, i) => ({
        dataset: 'regions',
        rowKey: `r-${code}`,
        id: code,
        version: 1,
        changeSeq: i + 1,
        deleted: false,
        values: { code, name: code, status: 'active' },
        at,
        by: 'test',
      })),
    );
    await store.close();
  };

  it('adds a user with the password from stdin, then resets it', async () => {
    await seedRegions();
    const added = cli(
      db,
      ['user', 'add', 'li.na', '--role', 'sales', '--regions', 'HD,HN', '--name', '李娜'],
      'first-password\n',
    );
    assert.equal(added.status, 0, added.err);
    assert.match(added.out, /li\.na \(sales\) for HD, HN added/);
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
    const short = cli(db, ['user', 'add', 'x', '--role', 'admin'], 'short\n');
    assert.equal(short.status, 1);
    assert.match(short.err, /at least 8 characters/);
    const unknown = cli(db, ['user', 'reset-password', 'nobody'], 'long-enough-pw\n');
    assert.equal(unknown.status, 1);
    assert.match(unknown.err, /No user called nobody/);
  });

  it('rebuilds stock from the ledger and reports no difference on a consistent store', async () => {
    await (await openMigratedStore(db)).close();
    const run = cli(db, ['stock', 'rebuild']);
    assert.equal(run.status, 0, run.err);
    const report = JSON.parse(run.out) as { differences: unknown[] };
    assert.deepEqual(report.differences, []);
  });

  it('refuses unknown region codes and a duplicate user with a sentence, not a SQLite error', async () => {
    await seedRegions();
    const unknown = cli(
      db,
      ['user', 'add', 'wang', '--role', 'sales', '--regions', 'HD,XX'],
      'long-enough-pw\n',
    );
    assert.equal(unknown.status, 1);
    assert.equal(unknown.err.trim(), 'Unknown region code(s): XX. Known regions: HD, HN.');
    assert.equal(cli(db, ['user', 'add', 'wang', '--role', 'admin'], 'long-enough-pw\n').status, 0);
    const twice = cli(db, ['user', 'add', 'wang', '--role', 'admin'], 'long-enough-pw\n');
    assert.equal(twice.status, 1);
    assert.match(twice.err, /A user called wang already exists; use "user reset-password wang"/);
    assert.doesNotMatch(twice.err + unknown.err, /SQLITE|constraint/i);
  });

  it('says a sales user without --regions would see every region, and adds one only with --all-regions', () => {
    const silent = cli(db, ['user', 'add', 'zhao', '--role', 'sales'], 'long-enough-pw\n');
    assert.equal(silent.status, 1);
    assert.match(silent.err, /A sales user without --regions sees every region/);
    const all = cli(
      db,
      ['user', 'add', 'zhao', '--role', 'sales', '--all-regions'],
      'long-enough-pw\n',
    );
    assert.equal(all.status, 0, all.err);
    assert.match(all.out, /zhao \(sales\) for every region added/);
  });

  it('lists users, disables one (who can no longer sign in) and lifts a sign-in lock', async () => {
    assert.equal(cli(db, ['user', 'add', 'li', '--role', 'manager'], 'long-enough-pw\n').status, 0);
    assert.equal(
      cli(db, ['user', 'add', 'qian', '--role', 'finance'], 'long-enough-pw\n').status,
      0,
    );
    const store = await openMigratedStore(db);
    for (let i = 0; i < signInLimits.USER_LIMIT; i += 1)
      await login(
        store.db,
        { username: 'li', password: 'wrong' },
        { now: new Date(), tokenHours: 1, address: '10.0.0.9' },
      );
    await store.close();
    const listed = cli(db, ['user', 'list']);
    assert.equal(listed.status, 0, listed.err);
    assert.match(listed.out, /^username\s+role\s+regions\s+status/);
    assert.match(listed.out, /\nli\s+manager\s+-\s+locked until \d{4}-/);
    assert.match(listed.out, /\nqian\s+finance\s+-\s+active/);
    assert.equal(await canSignIn('li', 'long-enough-pw'), null, 'locked');
    const unlock = cli(db, ['user', 'unlock', 'li']);
    assert.equal(unlock.out.trim(), 'The sign-in lock of li was lifted.');
    assert.ok(await canSignIn('li', 'long-enough-pw'));
    const disabled = cli(db, ['user', 'disable', 'qian']);
    assert.equal(disabled.status, 0, disabled.err);
    assert.equal(await canSignIn('qian', 'long-enough-pw'), null);
    assert.match(cli(db, ['user', 'list']).out, /\nqian\s+finance\s+-\s+disabled/);
    assert.match(cli(db, ['user', 'unlock', 'nobody']).err, /No user called nobody/);
  });

  it('stock rebuild on a path with no store says so instead of creating an empty one', () => {
    const missing = path.join(dir, 'typo', 'sales-sync.db');
    const run = cli(missing, ['stock', 'rebuild']);
    assert.equal(run.status, 1);
    assert.match(run.err, /There is no store at .*typo.*sales-sync\.db/);
    assert.equal(fs.existsSync(missing), false);
    assert.equal(fs.existsSync(path.dirname(missing)), false);
  });

  it('demo disable turns off every demo account that still opens with "demo"', async () => {
    const store = await openMigratedStore(db);
    await addUser(
      store.db,
      { username: 'demo-admin', role: 'admin', password: 'demo' },
      new Date(),
    );
    await store.close();
    const run = cli(db, ['demo', 'disable']);
    assert.equal(run.out.trim(), 'Disabled demo-admin (they had the password "demo").');
    assert.equal(await canSignIn('demo-admin', 'demo'), null);
  });

  it('reads a password typed at a terminal without echoing it, ending on Enter', async function () {
    if (spawnSync('script', ['--version']).status !== 0) this.skip();
    assert.equal(cli(db, ['user', 'add', 'sun', '--role', 'admin'], 'long-enough-pw\n').status, 0);
    const command = [
      process.execPath,
      '--import',
      'tsx',
      'server/cli.ts',
      'user',
      'reset-password',
      'sun',
    ]
      .map((a) => `'${a}'`)
      .join(' ');
    // util-linux `script` gives the CLI a terminal; we type only once each prompt is shown.
    const child = spawn('script', ['-q', '-e', '-c', command, '/dev/null'], {
      env: {
        ...process.env,
        ...(isPostgresUrl(db) ? { SALES_SYNC_DATABASE_URL: db } : { SALES_SYNC_DB: db }),
      },
    });
    let seen = '';
    child.stdout.on('data', (chunk: Buffer) => (seen += chunk.toString('utf8')));
    const until = async (pattern: RegExp) => {
      for (let i = 0; i < 600 && !pattern.test(seen); i += 1)
        await new Promise((r) => setTimeout(r, 50));
      assert.match(seen, pattern);
    };
    await until(/Password: /);
    child.stdin.write('typed-secret-1\r');
    await until(/Password again: /);
    child.stdin.write('typed-secret-1\r');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 0, seen);
    assert.match(seen, /Password of sun reset/);
    assert.doesNotMatch(seen, /typed-secret/, 'the password was echoed');
    assert.ok(await canSignIn('sun', 'typed-secret-1'));
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
