// Administration from the shell:
//   npm run cli -- user add <username> --role <role> [--name <display name>] [--regions HD,HN]
//   npm run cli -- user reset-password <username>
//   npm run cli -- stock rebuild [--repair]
//   npm run cli -- exposure rebuild [--repair]
// Passwords are read from standard input (one line), never from the command line.
import { parseArgs } from 'node:util';
import { readConfig } from './config';
import { openMigratedStore } from './store/open';
import { addUser, resetPassword } from './services/users';
import { roleSchema } from '../shared/roles';
import type { Store } from './store/db';

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

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const config = readConfig(process.env);
  const store = await openMigratedStore(config.SALES_SYNC_DB);
  try {
    if (command === 'user') console.log(await userCommand(store, rest));
    else if (command === 'stock') console.log(await stockCommand(store, rest));
    else if (command === 'exposure') console.log(await exposureCommand(store, rest));
    else
      throw new Error(
        'Commands: user add | user reset-password | stock rebuild | exposure rebuild',
      );
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
