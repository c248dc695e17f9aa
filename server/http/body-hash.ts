// The SHA-256 of each JSON request body's bytes as they arrived, for the Idempotency-Key guard:
// a key is bound to the exact request its client sent, and hashing the received bytes spares
// serialising again a request that may carry thousands of rows.
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const hashes = new WeakMap<IncomingMessage, string>();

/** express.json's `verify` hook: sees the raw bytes before they are parsed. */
export function rememberBodyHash(req: IncomingMessage, _res: unknown, bytes: Buffer): void {
  hashes.set(req, createHash('sha256').update(bytes).digest('hex'));
}

/** The hash of a JSON body express.json parsed; routes call it after validating the body. */
export function bodyHashOf(req: IncomingMessage): string {
  const hash = hashes.get(req);
  if (hash === undefined) throw new Error('the request has no JSON body to hash');
  return hash;
}
