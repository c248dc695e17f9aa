// Passwords hashed with scrypt and a random salt; compared in constant time. The cost follows
// OWASP's password storage guidance (scrypt N=2^17, r=8, p=1: 128 MiB and a few hundred ms per
// hash); a hash made with weaker parameters is replaced at the user's next sign-in. At 128 MiB
// a hash, only a few run at once — a burst of sign-ins waits in line instead of exhausting
// memory.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

export const PASSWORD_PARAMS: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
const KEY_LENGTH = 32;
/** Hashes running at once (each holds 128·N·r bytes). */
const MAX_CONCURRENT = 2;
/** The largest cost a stored hash may ask for (a corrupted row must not take the server down). */
const MAX_N = 2 ** 20;

let running = 0;
const waiting: (() => void)[] = [];

async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const maxmem = 128 * params.N * params.r + 32 * 1024 * 1024;
  return slot(
    () =>
      new Promise((resolve, reject) => {
        scrypt(
          password.normalize('NFKC'),
          salt,
          KEY_LENGTH,
          { ...params, maxmem },
          (error, key) => {
            if (error) reject(error);
            else resolve(key);
          },
        );
      }),
  );
}

export async function hashPassword(
  password: string,
  params: ScryptParams = PASSWORD_PARAMS,
): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

function parse(stored: string): (ScryptParams & { salt: Buffer; key: Buffer }) | null {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return null;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const sane =
    Number.isInteger(params.N) &&
    params.N > 1 &&
    params.N <= MAX_N &&
    params.r >= 1 &&
    params.r <= 32 &&
    params.p >= 1 &&
    params.p <= 4;
  return sane
    ? { ...params, salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') }
    : null;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const actual = await derive(password, parsed.salt, parsed);
  return actual.length === parsed.key.length && timingSafeEqual(actual, parsed.key);
}

/** True when a stored hash is weaker than `params` (or unreadable): rehash at next sign-in. */
export function needsRehash(stored: string, params: ScryptParams = PASSWORD_PARAMS): boolean {
  const parsed = parse(stored);
  return !parsed || parsed.N < params.N || parsed.r < params.r || parsed.p < params.p;
}

const dummies = new Map<string, Promise<string>>();

/**
 * A hash of nothing at the current cost, verified when the user name is unknown so the answer
 * takes as long as for a real user and timing does not reveal who has an account.
 */
export function dummyHash(params: ScryptParams = PASSWORD_PARAMS): Promise<string> {
  const id = `${params.N}/${params.r}/${params.p}`;
  let hash = dummies.get(id);
  if (!hash) {
    hash = hashPassword(randomBytes(16).toString('hex'), params);
    dummies.set(id, hash);
  }
  return hash;
}
