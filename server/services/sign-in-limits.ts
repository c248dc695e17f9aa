// Password guessing is not free: failed sign-ins are counted per user name and per client
// address. The USER_LIMIT-th failure within WINDOW_MS locks the name for LOCK_MS, the
// ADDRESS_LIMIT-th locks the address; while locked every sign-in (the right password too)
// answers 429 with Retry-After, without spending a password hash on it. A lock ends by itself,
// or when a manager (POST /api/v1/users/unlock) or the CLI (`user unlock`) lifts it; a good
// sign-in clears the name's count. Counts live in the store, so instances sharing it agree.
import type { Db } from '../store/db';

export const signInLimits = {
  /** Failures of one user name before it is locked. */
  USER_LIMIT: 5,
  /** Failures from one client address (any names) before it is locked. */
  ADDRESS_LIMIT: 20,
  WINDOW_MS: 15 * 60_000,
  LOCK_MS: 15 * 60_000,
} as const;

const userSubject = (username: string) => `user:${username.normalize('NFKC').toLowerCase()}`;
const addressSubject = (address: string) => `addr:${address}`;

interface SignInAttempt {
  username: string;
  address: string;
  now: Date;
}

/** Seconds until the name and the address may both try again; 0 when neither is locked. */
export async function lockedFor(db: Db, attempt: SignInAttempt): Promise<number> {
  const rows = await db
    .selectFrom('sign_in_failures')
    .select('locked_until')
    .where('subject', 'in', [userSubject(attempt.username), addressSubject(attempt.address)])
    .execute();
  const now = attempt.now.getTime();
  const until = Math.max(
    now,
    ...rows.map((r) => (r.locked_until ? Date.parse(r.locked_until) : 0)),
  );
  return Math.ceil((until - now) / 1000);
}

async function countFailure(
  db: Db,
  input: { subject: string; limit: number; now: Date },
): Promise<number> {
  const at = input.now.toISOString();
  const row = await db
    .selectFrom('sign_in_failures')
    .selectAll()
    .where('subject', '=', input.subject)
    .executeTakeFirst();
  const fresh = !row || input.now.getTime() - Date.parse(row.first_at) > signInLimits.WINDOW_MS;
  const failures = fresh ? 1 : row.failures + 1;
  const lockedUntil =
    failures >= input.limit
      ? new Date(input.now.getTime() + signInLimits.LOCK_MS).toISOString()
      : '';
  const values = { failures, first_at: fresh ? at : row.first_at, locked_until: lockedUntil };
  await db
    .insertInto('sign_in_failures')
    .values({ subject: input.subject, ...values })
    .onConflict((oc) => oc.column('subject').doUpdateSet(values))
    .execute();
  return failures;
}

/** Counts a failed sign-in against the name and the address; returns the name's count. */
export async function recordFailure(db: Db, attempt: SignInAttempt): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await countFailure(trx, {
      subject: addressSubject(attempt.address),
      limit: signInLimits.ADDRESS_LIMIT,
      now: attempt.now,
    });
    return countFailure(trx, {
      subject: userSubject(attempt.username),
      limit: signInLimits.USER_LIMIT,
      now: attempt.now,
    });
  });
}

/** A good sign-in starts the name's count afresh. */
export async function clearFailures(db: Db, username: string): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('subject', '=', userSubject(username)).execute();
}

/** Lifts a user's lock (and forgets their failures). Returns true when they were locked. */
export async function unlockUser(db: Db, username: string, now: Date): Promise<boolean> {
  const row = await db
    .selectFrom('sign_in_failures')
    .select('locked_until')
    .where('subject', '=', userSubject(username))
    .executeTakeFirst();
  await clearFailures(db, username);
  return row !== undefined && row.locked_until > now.toISOString();
}
