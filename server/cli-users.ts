// `npm run cli -- user …`: add, list, reset-password, disable, enable, unlock. Every refusal is
// a sentence saying what to do, never a database error.
import { parseArgs } from 'node:util';
import { roleSchema, type Role } from '../shared/roles';
import { loadRegions } from './datasets/stock-refs';
import { confirm, readNewPassword } from './cli-prompt';
import { unlockUser } from './services/sign-in-limits';
import { addUser, listUsers, resetPassword, setUserStatus, userExists } from './services/users';
import type { Store } from './store/db';

export const userUsage = [
  'user add <username> --role <role> [--name <display name>] [--regions HD,HN | --all-regions]',
  'user list',
  'user reset-password <username>',
  'user disable <username>',
  'user enable <username>',
  'user unlock <username>',
].join('\n       ');

const USERNAME = /^[\p{L}\p{N}._@-]{1,100}$/u;

async function checkedRegions(store: Store, list: string | undefined): Promise<string[]> {
  const wanted = (list ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  if (wanted.length === 0) return [];
  const known = new Set((await loadRegions(store.db)).map((r) => r.code));
  const unknown = wanted.filter((code) => !known.has(code));
  if (unknown.length > 0) {
    const listed = [...known].sort().join(', ') || 'none yet: push the regions first';
    throw new Error(`Unknown region code(s): ${unknown.join(', ')}. Known regions: ${listed}.`);
  }
  return wanted;
}

/** A sales user without regions sees every region: said, and confirmed, never silently. */
async function confirmAllRegions(username: string, allRegions: boolean): Promise<void> {
  if (allRegions) return;
  const question = `${username} is a sales user without --regions and will see every region. Is that right?`;
  if (await confirm(question)) return;
  throw new Error(
    `A sales user without --regions sees every region. Give --regions (e.g. --regions HD,HN), or --all-regions to confirm that ${username} may see them all.`,
  );
}

interface AddOptions {
  role?: string | undefined;
  name?: string | undefined;
  regions?: string | undefined;
  'all-regions'?: boolean | undefined;
}

async function add(store: Store, username: string, options: AddOptions): Promise<string> {
  if (!USERNAME.test(username))
    throw new Error('A user name is 1–100 letters, digits, ".", "_", "@" or "-".');
  const role = roleSchema.safeParse(options.role);
  if (!role.success) throw new Error(`--role must be one of: ${roleSchema.options.join(', ')}`);
  if (await userExists(store.db, username))
    throw new Error(
      `A user called ${username} already exists; use "user reset-password ${username}" to change the password.`,
    );
  const regions = await checkedRegions(store, options.regions);
  if (regions.length > 0 && role.data !== 'sales')
    throw new Error('Only sales users are limited to regions; leave --regions out.');
  if (role.data === 'sales' && regions.length === 0)
    await confirmAllRegions(username, options['all-regions'] === true);
  const user: { username: string; role: Role; regions: string[]; password: string } = {
    username,
    role: role.data,
    regions,
    password: await readNewPassword(),
  };
  await addUser(
    store.db,
    { ...user, ...(options.name ? { displayName: options.name } : {}) },
    new Date(),
  );
  const scope = role.data === 'sales' ? ` for ${regions.join(', ') || 'every region'}` : '';
  return `User ${username} (${role.data})${scope} added.`;
}

async function list(store: Store): Promise<string> {
  const users = await listUsers(store.db, new Date());
  if (users.length === 0) return 'No users yet. Add one with: npm run cli -- user add …';
  const rows = users.map((u) => [
    u.username,
    u.role,
    u.regions.join(',') || (u.role === 'sales' ? '(all)' : '-'),
    u.lockedUntil ? `locked until ${u.lockedUntil}` : u.status,
    u.displayName,
  ]);
  const header = ['username', 'role', 'regions', 'status', 'name'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  return [header, ...rows]
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export async function userCommand(store: Store, args: string[]): Promise<string> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      name: { type: 'string' },
      regions: { type: 'string' },
      'all-regions': { type: 'boolean' },
    },
  });
  const [action, username] = positionals;
  if (action === 'list') return list(store);
  if (!action || !['add', 'reset-password', 'disable', 'enable', 'unlock'].includes(action))
    throw new Error(`Use: ${userUsage}`);
  if (!username) throw new Error('Give a user name.');
  const noSuchUser = () => new Error(`No user called ${username}; "user list" shows who exists.`);
  switch (action) {
    case 'add':
      return add(store, username, values);
    case 'reset-password': {
      if (!(await userExists(store.db, username))) throw noSuchUser();
      await resetPassword(store.db, username, await readNewPassword());
      return `Password of ${username} reset; their sessions were signed out.`;
    }
    case 'disable':
    case 'enable': {
      const status = action === 'disable' ? 'disabled' : 'active';
      if (!(await setUserStatus(store.db, username, status))) throw noSuchUser();
      return action === 'disable'
        ? `User ${username} disabled; their sessions were signed out.`
        : `User ${username} enabled.`;
    }
    default: {
      if (!(await userExists(store.db, username))) throw noSuchUser();
      const wasLocked = await unlockUser(store.db, username, new Date());
      return wasLocked
        ? `The sign-in lock of ${username} was lifted.`
        : `${username} was not locked; their failed sign-ins were forgotten.`;
    }
  }
}
