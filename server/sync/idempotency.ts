// Guard 1 of 3 against duplicates: an Idempotency-Key replays its stored response for the same
// body, answers 422 for another body, and 409 while the first request is still running.
//
// A running key is held under a lease, not forever. Each key records its owner — the server
// instance running the request — and `lease_until`; the request renews the lease every
// RENEW_MS while it runs (server/http/idempotent.ts). So a key stays "running" exactly as long
// as a live process works on it, which stays correct when several instances share one
// database (none of them can tell whether another's process is alive, but a lease that was not
// renewed says it is not):
// - a claim that finds a running key whose lease ran out takes it over (its process died);
// - on start-up an instance releases the keys it owned before it restarted (`owner` is the
//   instance's stable name, e.g. host:port, and the new process holds that port, so the old
//   one is gone) and every key whose lease ran out, so a client's retry after a crash runs at
//   once instead of meeting 409 until some timeout.
// The push itself stays safe if a slow request ever outlived its lease and a retry took over:
// guards 2 and 3 (mutation ids, row keys) still stop anything being applied twice.
import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { CompiledQuery } from 'kysely';
import type { Db } from '../store/db';
import { AppError } from '../http/errors';

/** How long a claim holds its key without renewal; well above the longest request. */
export const LEASE_MS = 60_000;
/** How often a running request renews its lease. */
export const RENEW_MS = 15_000;

export function hashBody(body: unknown): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}

/**
 * Stored answers are deflated (a 1,000-row answer is ~170 KB of JSON, mostly repeated field
 * names), as text so any store keeps them; answers stored as plain JSON still replay.
 */
const PACKED = 'deflate:';
const pack = (json: string) => PACKED + deflateRawSync(json, { level: 1 }).toString('base64');
const unpack = (stored: string) =>
  stored.startsWith(PACKED)
    ? inflateRawSync(Buffer.from(stored.slice(PACKED.length), 'base64')).toString('utf8')
    : stored;

/** A finished request's stored answer: its status and its JSON text, sent again as it was. */
type Claim = { replay: { status: number; json: string } } | { claimed: true };

interface KeyRef {
  userId: number;
  key: string;
}

const leaseEnd = (now: Date) => new Date(now.getTime() + LEASE_MS).toISOString();

/** A key's columns while `owner` runs its request: claimed new, or taken over. */
const runningFor = (input: { now: Date; owner: string }) => ({
  state: 'running',
  status_code: 0,
  response: null,
  created_at: input.now.toISOString(),
  owner: input.owner,
  lease_until: leaseEnd(input.now),
});

export async function claimKey(
  db: Db,
  input: KeyRef & { hash: string; now: Date; owner: string },
): Promise<Claim> {
  // Claim first, in a statement of its own (the usual case — a new key — is one round trip): of
  // two instances given one key at once, exactly one inserts the row (the other's insert waits
  // for it to commit, then finds it and reads it below).
  const inserted = await db
    .insertInto('idempotency')
    .values({
      user_id: input.userId,
      key: input.key,
      request_hash: input.hash,
      ...runningFor(input),
    })
    .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return { claimed: true };
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('idempotency')
      .selectAll()
      .where('user_id', '=', input.userId)
      .where('key', '=', input.key)
      .executeTakeFirst();
    // Gone already: it was released this instant; the client's retry claims it.
    if (!existing) throw new AppError('idempotency-in-progress');
    if (existing.request_hash !== input.hash) throw new AppError('idempotency-key-reused');
    if (existing.state === 'done' && existing.response !== null) {
      return { replay: { status: existing.status_code, json: unpack(existing.response) } };
    }
    // Still running under a live lease: the first request is at work.
    if (existing.lease_until > input.now.toISOString())
      throw new AppError('idempotency-in-progress');
    // Its lease ran out (its process died): take it over, unless another instance just did.
    const taken = await trx
      .updateTable('idempotency')
      .set(runningFor(input))
      .where('user_id', '=', input.userId)
      .where('key', '=', input.key)
      .where('state', '=', 'running')
      .where('lease_until', '=', existing.lease_until)
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) === 0) throw new AppError('idempotency-in-progress');
    return { claimed: true };
  });
}

/** Extends a running key's lease; the request calls it every RENEW_MS while it runs. */
export async function renewKey(
  db: Db,
  input: KeyRef & { owner: string; now: Date },
): Promise<void> {
  await db
    .updateTable('idempotency')
    .set({ lease_until: leaseEnd(input.now) })
    .where('user_id', '=', input.userId)
    .where('key', '=', input.key)
    .where('owner', '=', input.owner)
    .where('state', '=', 'running')
    .execute();
}

/**
 * The statement that stores a finished request's answer. A push queues it into its own
 * transaction (server/http/idempotent.ts), so the answer commits with the push's effects;
 * other work runs it once it has finished (`completeKey`).
 */
export function completeKeyQuery(
  db: Db,
  input: KeyRef & { status: number; json: string },
): CompiledQuery {
  return db
    .updateTable('idempotency')
    .set({
      state: 'done',
      status_code: input.status,
      response: pack(input.json),
      owner: '',
      lease_until: '',
    })
    .where('user_id', '=', input.userId)
    .where('key', '=', input.key)
    .compile();
}

export async function completeKey(
  db: Db,
  input: KeyRef & { status: number; json: string },
): Promise<void> {
  await db.executeQuery(completeKeyQuery(db, input));
}

/** A request that failed as a whole (a bug, the store down) frees its key so a retry can run. */
export async function releaseKey(db: Db, input: KeyRef): Promise<void> {
  await db
    .deleteFrom('idempotency')
    .where('user_id', '=', input.userId)
    .where('key', '=', input.key)
    .where('state', '=', 'running')
    .execute();
}

/**
 * At start-up, once the instance holds its port: frees the keys its previous process left
 * running (same owner name) and every key whose lease ran out. Keys of other live instances,
 * whose leases they keep renewing, stay. Returns how many keys were freed.
 */
export async function releaseOrphanedKeys(
  db: Db,
  input: { owner: string; now: Date },
): Promise<number> {
  const result = await db
    .deleteFrom('idempotency')
    .where('state', '=', 'running')
    .where((eb) =>
      eb.or([eb('owner', '=', input.owner), eb('lease_until', '<', input.now.toISOString())]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
