// Small, synchronous, non-cryptographic hashes. Row digests tell which rows changed since their
// last push or pull; derived ids make retries reuse the same mutation id and Idempotency-Key
// (docs/protocol.md, "Duplicate guards": they only help if a retry sends the same ids).

/** 32-bit FNV-1a with a seed, over UTF-16 code units. */
function fnv1a(text: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  // Final avalanche (murmur3's fmix32) so close inputs differ in every digit.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

const SEGMENT_SPACE = 36 ** 4;

/** A 4-character digest of one cell's canonical value (1 in 1.7 million to miss an edit). */
export function segmentDigest(text: string): string {
  return (fnv1a(text) % SEGMENT_SPACE).toString(36).padStart(4, '0');
}

const SEEDS = [0x811c9dc5, 0x2f6b9a1d, 0x5bd1e995, 0x9e3779b9] as const;

/** A UUID-shaped (version 8, "custom") id derived from `text`: the same text, the same id. */
export function derivedUuid(text: string): string {
  const hex = SEEDS.map((seed) => fnv1a(text, seed).toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
