// Guard 1 of 3 against duplicates: an Idempotency-Key replays its stored response for the same
// body, answers 422 for another body, and 409 while the first request is still running.
import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Db } from '../store/db';
import { AppError } from '../http/errors';

/** A request left "running" this long is taken to have died with its process. */
const STALE_MS = 5 * 60_000;

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
export type Claim = { replay: { status: number; json: string } } | { claimed: true };

export async function claimKey(
  db: Db,
  input: { userId: number; key: string; hash: string; now: Date },
): Promise<Claim> {
  return db.transaction().execute(async (trx) => {
    // Claim first: of two instances given one key at once, exactly one inserts the row (the
    // other waits for it to commit, then reads it below).
    const inserted = await trx
      .insertInto('idempotency')
      .values({
        user_id: input.userId,
        key: input.key,
        request_hash: input.hash,
        state: 'running',
        status_code: 0,
        response: null,
        created_at: input.now.toISOString(),
      })
      .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return { claimed: true };
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
    const age = input.now.getTime() - Date.parse(existing.created_at);
    if (age < STALE_MS) throw new AppError('idempotency-in-progress');
    // Stale: take it over, unless another instance just did.
    const taken = await trx
      .updateTable('idempotency')
      .set({
        state: 'running',
        status_code: 0,
        response: null,
        created_at: input.now.toISOString(),
      })
      .where('user_id', '=', input.userId)
      .where('key', '=', input.key)
      .where('state', '=', 'running')
      .where('created_at', '=', existing.created_at)
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) === 0) throw new AppError('idempotency-in-progress');
    return { claimed: true };
  });
}

export async function completeKey(
  db: Db,
  input: { userId: number; key: string; status: number; json: string },
): Promise<void> {
  await db
    .updateTable('idempotency')
    .set({ state: 'done', status_code: input.status, response: pack(input.json) })
    .where('user_id', '=', input.userId)
    .where('key', '=', input.key)
    .execute();
}

/** A request that failed as a whole (a bug, the store down) frees its key so a retry can run. */
export async function releaseKey(db: Db, input: { userId: number; key: string }): Promise<void> {
  await db
    .deleteFrom('idempotency')
    .where('user_id', '=', input.userId)
    .where('key', '=', input.key)
    .where('state', '=', 'running')
    .execute();
}
