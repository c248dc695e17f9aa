// Row keys in time order: a UUID version 7 (RFC 9562) — 48 bits of Unix milliseconds, the
// version and variant, then 74 random bits. Keys the add-in mints for new rows sort by the time
// they were made, so the store's key indexes (SQLite's B-trees, PostgreSQL's) take each new row
// at their right-hand edge instead of at a random page: a push into a table of 500,000 rows
// touches a few pages, not thousands (docs/protocol.md, "Row keys").

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

/** A version-7 UUID for `now`, with `random` (10 bytes) for the rest. */
export function uuidV7(now: Date, random: Uint8Array): string {
  if (random.length < 10) throw new Error('uuidV7 needs 10 random bytes');
  const bytes = new Uint8Array(16);
  let ms = now.getTime();
  for (let i = 5; i >= 0; i -= 1) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes.set(random.subarray(0, 10), 6);
  bytes[6] = 0x70 | ((random[0] ?? 0) & 0x0f);
  bytes[8] = 0x80 | ((random[2] ?? 0) & 0x3f);
  const h = hex(bytes);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A new time-ordered row key (Web Crypto's random bytes: the pane and Node both have them). */
export function timeOrderedKey(now: Date): string {
  return uuidV7(now, globalThis.crypto.getRandomValues(new Uint8Array(10)));
}
