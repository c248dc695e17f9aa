// The one wrapper every route with an Idempotency-Key runs through (push, import): parse the
// header, claim the key, replay a finished answer, run the work while renewing the key's lease,
// store its answer, and free the key when the work fails as a whole so a retry can run. Work
// with a transaction of its own (a push) stores the answer in it, so the answer commits with
// what it answers for: no moment where the effects are in and the key still says "running".
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Db } from '../store/db';
import type { WriteQueue } from '../store/write-queue';
import {
  claimKey,
  completeKey,
  completeKeyQuery,
  releaseKey,
  renewKey,
  RENEW_MS,
} from '../sync/idempotency';
import { AppError } from './errors';

const KEY = /^[\w-]{8,100}$/;

/** This process's owner name when the app was built without one (tests, the benchmark). */
const processOwner = `process-${randomUUID()}`;

/**
 * The request's Idempotency-Key, or null without one. Present but malformed (too short, too
 * long, other characters) → 400 idempotency-key-invalid: the client sent one, so "missing"
 * would mislead.
 */
export function idempotencyKeyOf(req: Request): string | null {
  const key = req.headers['idempotency-key'];
  if (key === undefined || key === '') return null;
  if (typeof key !== 'string' || !KEY.test(key)) throw new AppError('idempotency-key-invalid');
  return key;
}

/** A route that needs a key: without one → 400 idempotency-key-required. */
export function requiredIdempotencyKey(req: Request): string {
  const key = idempotencyKeyOf(req);
  if (key === null) throw new AppError('idempotency-key-required');
  return key;
}

/**
 * Guard 1 (the Idempotency-Key), called through one object so a test can take it away and show
 * what it prevents (test/server/duplicate-guards.test.ts).
 */
export const keyGuard = { claim: claimKey };

/**
 * Storing an answer after the work, through one object so a test can make it fail and show that
 * a push's answer no longer depends on it (test/server/idempotency-leases.test.ts).
 */
export const keyStore = { complete: completeKey };

interface IdempotentDeps {
  db: Db;
  now: () => Date;
  /** The server instance's stable name (server/sync/idempotency.ts explains why). */
  instanceId?: string | undefined;
}

/** The work's answer: its status, the JSON text stored for replays, and anything else it made. */
export interface Answer<T> {
  status: number;
  json: string;
  value: T;
  /** Stored already, by the transaction that made it (SealAnswer). */
  sealed?: boolean;
}

/**
 * Given to the work: queues the key's answer into the work's transaction (before its final
 * flush), so the key is done exactly when that transaction commits. The work then returns that
 * answer with `sealed: true` — only when it comes from the attempt that committed (a retried
 * transaction may seal in an attempt that rolls back); any other answer is stored after the
 * work, as before.
 */
type SealAnswer = (later: WriteQueue, answer: { status: number; json: string }) => void;

type IdempotentOutcome<T> =
  { replayed: true; status: number; json: string } | ({ replayed: false } & Answer<T>);

export async function runIdempotent<T>(
  deps: IdempotentDeps,
  request: { res: Response; userId: number; key: string; hash: string },
  work: (seal: SealAnswer) => Promise<Answer<T>>,
): Promise<IdempotentOutcome<T>> {
  const owner = deps.instanceId ?? processOwner;
  const ref = { userId: request.userId, key: request.key };
  const claim = await keyGuard.claim(deps.db, {
    ...ref,
    hash: request.hash,
    now: deps.now(),
    owner,
  });
  if ('replay' in claim) {
    request.res.setHeader('Idempotent-Replayed', 'true');
    return { replayed: true, ...claim.replay };
  }
  const renew = setInterval(() => {
    renewKey(deps.db, { ...ref, owner, now: deps.now() }).catch(() => undefined);
  }, RENEW_MS);
  renew.unref();
  const seal: SealAnswer = (later, answer) => {
    later.add({ table: 'idempotency', query: completeKeyQuery(deps.db, { ...ref, ...answer }) });
  };
  try {
    const answer = await work(seal);
    if (answer.sealed !== true)
      await keyStore.complete(deps.db, { ...ref, status: answer.status, json: answer.json });
    return { replayed: false, ...answer };
  } catch (error) {
    await releaseKey(deps.db, ref);
    throw error;
  } finally {
    clearInterval(renew);
  }
}
