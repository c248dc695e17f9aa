// Users, sign-in and bearer tokens. Tokens are random, stored only as their SHA-256, and expire.
import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../../shared/roles';
import type { SessionUser } from '../../shared/protocol';
import type { Db } from '../store/db';
import { hashPassword, verifyPassword } from './passwords';

export interface AuthUser extends SessionUser {
  id: number;
}

export type LoginOutcome =
  | { ok: true; token: string; expiresAt: string; user: AuthUser }
  | { ok: false; code: 'invalid-credentials' };

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

function toAuthUser(row: {
  id: number;
  username: string;
  display_name: string;
  role: string;
  regions: string;
}): AuthUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    regions: JSON.parse(row.regions) as string[],
  };
}

export async function addUser(
  db: Db,
  user: {
    username: string;
    displayName?: string;
    role: Role;
    regions?: string[];
    password: string;
  },
  now: Date,
): Promise<void> {
  await db
    .insertInto('users')
    .values({
      username: user.username,
      display_name: user.displayName ?? user.username,
      role: user.role,
      regions: JSON.stringify(user.regions ?? []),
      password_hash: await hashPassword(user.password),
      status: 'active',
      created_at: now.toISOString(),
    })
    .execute();
}

/** Sets a new password and signs the user out everywhere. Returns false when there is no such user. */
export async function resetPassword(db: Db, username: string, password: string): Promise<boolean> {
  const hash = await hashPassword(password);
  const result = await db
    .updateTable('users')
    .set({ password_hash: hash })
    .where('username', '=', username)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) return false;
  await db
    .deleteFrom('tokens')
    .where('user_id', 'in', db.selectFrom('users').select('id').where('username', '=', username))
    .execute();
  return true;
}

export async function login(
  db: Db,
  credentials: { username: string; password: string },
  options: { now: Date; tokenHours: number },
): Promise<LoginOutcome> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', credentials.username)
    .executeTakeFirst();
  // Verify against a dummy hash when the user is unknown so timing does not reveal user names.
  const stored =
    row?.password_hash ??
    'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
  const valid = await verifyPassword(credentials.password, stored);
  if (!row || !valid || row.status !== 'active') return { ok: false, code: 'invalid-credentials' };
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(options.now.getTime() + options.tokenHours * 3_600_000).toISOString();
  await db
    .insertInto('tokens')
    .values({
      token_hash: hashToken(token),
      user_id: row.id,
      created_at: options.now.toISOString(),
      expires_at: expiresAt,
    })
    .execute();
  return { ok: true, token, expiresAt, user: toAuthUser(row) };
}

export async function userForToken(
  db: Db,
  token: string,
  now: Date,
): Promise<AuthUser | 'expired' | null> {
  const row = await db
    .selectFrom('tokens')
    .innerJoin('users', 'users.id', 'tokens.user_id')
    .select(['users.id', 'username', 'display_name', 'role', 'regions', 'status', 'expires_at'])
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || row.status !== 'active') return null;
  if (row.expires_at <= now.toISOString()) return 'expired';
  return toAuthUser(row);
}

export async function logout(db: Db, token: string): Promise<void> {
  await db.deleteFrom('tokens').where('token_hash', '=', hashToken(token)).execute();
}
