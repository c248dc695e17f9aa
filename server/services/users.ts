// Users, sign-in and bearer tokens. Tokens are random, stored only as their SHA-256, and expire.
import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../../shared/roles';
import type { SessionUser } from '../../shared/protocol';
import type { Db } from '../store/db';
import {
  dummyHash,
  hashPassword,
  needsRehash,
  verifyPassword,
  type ScryptParams,
} from './passwords';
import { clearFailures, lockedFor, recordFailure } from './sign-in-limits';

export interface AuthUser extends SessionUser {
  id: number;
}

type LoginOutcome =
  | { ok: true; token: string; expiresAt: string; user: AuthUser }
  | { ok: false; code: 'invalid-credentials'; failures: number }
  | { ok: false; code: 'too-many-sign-ins'; retryAfter: number };

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
  params?: ScryptParams,
): Promise<void> {
  await db
    .insertInto('users')
    .values({
      username: user.username,
      display_name: user.displayName ?? user.username,
      role: user.role,
      regions: JSON.stringify(user.regions ?? []),
      password_hash: await hashPassword(user.password, params),
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

interface LoginOptions {
  now: Date;
  tokenHours: number;
  /** The client's address, for the per-address limit on failed sign-ins. */
  address: string;
  /** The hashing cost new and upgraded hashes get (tests pass a cheap one). */
  hashParams?: ScryptParams | undefined;
}

/**
 * Checks a password under the sign-in limits (sign-in-limits.ts) and answers a new token. A
 * hash weaker than today's cost is replaced with the password just verified.
 */
export async function login(
  db: Db,
  credentials: { username: string; password: string },
  options: LoginOptions,
): Promise<LoginOutcome> {
  const attempt = { username: credentials.username, address: options.address, now: options.now };
  const retryAfter = await lockedFor(db, attempt);
  if (retryAfter > 0) return { ok: false, code: 'too-many-sign-ins', retryAfter };
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', credentials.username)
    .executeTakeFirst();
  // Verify against a dummy hash when the user is unknown so timing does not reveal user names.
  const stored = row?.password_hash ?? (await dummyHash(options.hashParams));
  const valid = await verifyPassword(credentials.password, stored);
  if (!row || !valid || row.status !== 'active') {
    const failures = await recordFailure(db, attempt);
    return { ok: false, code: 'invalid-credentials', failures };
  }
  await clearFailures(db, row.username);
  if (needsRehash(row.password_hash, options.hashParams)) {
    await db
      .updateTable('users')
      .set({ password_hash: await hashPassword(credentials.password, options.hashParams) })
      .where('id', '=', row.id)
      .execute();
  }
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

interface UserListing extends SessionUser {
  status: string;
  createdAt: string;
  /** ISO time a sign-in lock ends, when locked. */
  lockedUntil: string | null;
}

export async function listUsers(db: Db, now: Date): Promise<UserListing[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('username').execute();
  const locks = await db
    .selectFrom('sign_in_failures')
    .select(['subject', 'locked_until'])
    .where('subject', 'like', 'user:%')
    .where('locked_until', '>', now.toISOString())
    .execute();
  const lockedUntil = new Map(locks.map((l) => [l.subject.slice('user:'.length), l.locked_until]));
  return rows.map((row) => {
    const { id: _id, ...user } = toAuthUser(row);
    return {
      ...user,
      status: row.status,
      createdAt: row.created_at,
      lockedUntil: lockedUntil.get(row.username.normalize('NFKC').toLowerCase()) ?? null,
    };
  });
}

export async function userExists(db: Db, username: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirst();
  return row !== undefined;
}

/** Turns a user off (their sessions end) or on again. False when there is no such user. */
export async function setUserStatus(
  db: Db,
  username: string,
  status: 'active' | 'disabled',
): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ status })
    .where('username', '=', username)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) return false;
  if (status === 'disabled')
    await db
      .deleteFrom('tokens')
      .where('user_id', 'in', db.selectFrom('users').select('id').where('username', '=', username))
      .execute();
  return true;
}
