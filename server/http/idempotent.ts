// The one wrapper every route with an Idempotency-Key runs through (push, import): parse the
// header, claim the key, replay a finished answer, run the work while renewing the key's lease,
// store its answer, and free the key when the work fails as a whole so a retry can run.
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Db } from '../store/db';
import { claimKey, completeKey, releaseKey, renewKey, RENEW_MS } from '../sync/idempotency';
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
}

type IdempotentOutcome<T> =
  { replayed: true; status: number; json: string } | ({ replayed: false } & Answer<T>);

export async function runIdempotent<T>(
  deps: IdempotentDeps,
  request: { res: Response; userId: number; key: string; hash: string },
  work: () => Promise<Answer<T>>,
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
  try {
    const answer = await work();
    await completeKey(deps.db, { ...ref, status: answer.status, json: answer.json });
    return { replayed: false, ...answer };
  } catch (error) {
    await releaseKey(deps.db, ref);
    throw error;
  } finally {
    clearInterval(renew);
  }
}
