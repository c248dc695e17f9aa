// Administration from the shell:
//   npm run cli -- user add <username> --role <role> [--name <display name>] [--regions HD,HN]
//   npm run cli -- user list | reset-password | disable | enable | unlock <username>
//   npm run cli -- demo disable
//   npm run cli -- stock rebuild [--repair]
//   npm run cli -- exposure rebuild [--repair]
//   npm run cli -- store copy-to-postgres <postgres://…>   (SALES_SYNC_DB → a new PostgreSQL database)
// Passwords are typed without echo (or piped on standard input), never on the command line.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { readConfig, storeLocation, type Config } from './config';
import { userCommand, userUsage } from './cli-users';
import { disableDemoAccounts } from './demo-mode';
import { openMigratedSqlite, openMigratedStore } from './store/open';
import { isPostgresUrl, type Store } from './store/db';

const usage = `Commands: ${userUsage}
          demo disable
          stock rebuild [--repair]
          exposure rebuild [--repair]
          store copy-to-postgres <postgres://…>`;

async function stockCommand(store: Store, args: string[]): Promise<string> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { repair: { type: 'boolean', default: false } },
  });
  if (positionals[0] !== 'rebuild') throw new Error('Use: stock rebuild [--repair]');
  const { rebuildStock } = await import('./services/stock-rebuild');
  const report = await rebuildStock(store.db, { repair: values.repair });
  return JSON.stringify(report, null, 2);
}

async function exposureCommand(store: Store, args: string[]): Promise<string> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { repair: { type: 'boolean', default: false } },
  });
  if (positionals[0] !== 'rebuild') throw new Error('Use: exposure rebuild [--repair]');
  const { rebuildExposure } = await import('./services/exposure-rebuild');
  const report = await rebuildExposure(store.db, { repair: values.repair });
  return JSON.stringify(report, null, 2);
}

/** Moves the SQLite store (SALES_SYNC_DB) into an empty PostgreSQL database. */
async function storeCommand(config: Config, args: string[]): Promise<string> {
  const [action, url] = args;
  if (action !== 'copy-to-postgres' || !url || !isPostgresUrl(url))
    throw new Error('Use: store copy-to-postgres <postgres://user:password@host:5432/database>');
  const { copyToPostgres } = await import('./services/copy-store');
  const source = await openMigratedSqlite(config.SALES_SYNC_DB);
  try {
    const target = await openMigratedStore(url);
    try {
      if (target.dialect !== 'postgres') throw new Error('unreachable: not PostgreSQL');
      const report = await copyToPostgres(source, target, (table, rows) => {
        process.stderr.write(`${table}: ${rows} rows\n`);
      });
      return JSON.stringify(report, null, 2);
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}

async function demoCommand(store: Store, args: string[]): Promise<string> {
  if (args[0] !== 'disable') throw new Error('Use: demo disable');
  const disabled = await disableDemoAccounts(store);
  return disabled.length === 0
    ? 'No demo account has the password "demo" any more.'
    : `Disabled ${disabled.join(', ')} (they had the password "demo").`;
}

const commands: Record<string, (store: Store, args: string[]) => Promise<string>> = {
  user: userCommand,
  stock: stockCommand,
  exposure: exposureCommand,
  demo: demoCommand,
};

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const run = command === undefined ? undefined : commands[command];
  if (!run && command !== 'store') throw new Error(usage);
  const config = readConfig(process.env);
  if (command === 'store') {
    console.log(await storeCommand(config, rest));
    return;
  }
  // Only `user add` may start a store (the first administrator before the first start);
  // everything else on a path with no store says so instead of creating an empty one.
  const creates = command === 'user' && rest[0] === 'add';
  const location = storeLocation(config);
  const isFile = !isPostgresUrl(location) && location !== ':memory:';
  if (isFile && !creates && !fs.existsSync(location))
    throw new Error(
      `There is no store at ${location}. Set SALES_SYNC_DB to the server's database file (the server's default is data/sales-sync.db).`,
    );
  const store = await openMigratedStore(location, undefined, {
    poolSize: config.SALES_SYNC_DB_POOL,
  });
  try {
    if (!run) throw new Error(usage);
    console.log(await run(store, rest));
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
