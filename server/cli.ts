// Administration from the shell:
//   npm run cli -- user add <username> --role <role> [--name <display name>] [--regions HD,HN]
//   npm run cli -- user reset-password <username>
//   npm run cli -- stock rebuild [--repair]
//   npm run cli -- exposure rebuild [--repair]
//   npm run cli -- store copy-to-postgres <postgres://…>   (SALES_SYNC_DB → a new PostgreSQL database)
// Passwords are read from standard input (one line), never from the command line.
import { parseArgs } from 'node:util';
import { readConfig, storeLocation, type Config } from './config';
import { openMigratedSqlite, openMigratedStore } from './store/open';
import { addUser, resetPassword } from './services/users';
import { roleSchema } from '../shared/roles';
import { isPostgresUrl, type Store } from './store/db';

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password: ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const [password = ''] = Buffer.concat(chunks).toString('utf8').split(/\r?\n/);
  if (password.length < 8) throw new Error('The password must have at least 8 characters.');
  return password;
}

async function userCommand(store: Store, args: string[]): Promise<string> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { role: { type: 'string' }, name: { type: 'string' }, regions: { type: 'string' } },
  });
  const [action, username] = positionals;
  if (!username) throw new Error('Give a user name.');
  if (action === 'add') {
    const role = roleSchema.safeParse(values.role);
    if (!role.success) throw new Error(`--role must be one of: ${roleSchema.options.join(', ')}`);
    const regions = (values.regions ?? '')
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean);
    await addUser(
      store.db,
      {
        username,
        role: role.data,
        regions,
        password: await readPassword(),
        ...(values.name ? { displayName: values.name } : {}),
      },
      new Date(),
    );
    return `User ${username} (${role.data}) added.`;
  }
  if (action === 'reset-password') {
    const done = await resetPassword(store.db, username, await readPassword());
    if (!done) throw new Error(`No user called ${username}.`);
    return `Password of ${username} reset; their sessions were signed out.`;
  }
  throw new Error('Use: user add <username> --role <role> | user reset-password <username>');
}

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

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const config = readConfig(process.env);
  if (command === 'store') {
    console.log(await storeCommand(config, rest));
    return;
  }
  const store = await openMigratedStore(storeLocation(config), undefined, {
    poolSize: config.SALES_SYNC_DB_POOL,
  });
  try {
    if (command === 'user') console.log(await userCommand(store, rest));
    else if (command === 'stock') console.log(await stockCommand(store, rest));
    else if (command === 'exposure') console.log(await exposureCommand(store, rest));
    else
      throw new Error(
        'Commands: user add | user reset-password | stock rebuild | exposure rebuild | store copy-to-postgres',
      );
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
