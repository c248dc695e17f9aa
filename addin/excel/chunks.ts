// Chunk planning for writes, pure. Excel on the web rejects a request whose payload is over 5 MB
// (RequestPayloadSizeLimitExceeded, see learn.microsoft.com "resource limits and performance
// optimization"); the payload is the JSON of the queued operations, so we estimate each row by
// the UTF-8 length of its values' JSON and keep every chunk well under the limit.

import type { CellValue, ChunkLimits } from './port';

/** 4 MB of values leaves room for the request envelope under the 5 MB limit. */
export const DEFAULT_CHUNK_LIMITS: ChunkLimits = { maxBytes: 4 * 1000 * 1000, maxCells: 500_000 };

/** A run of rows [start, start + count) sent in one request. */
export interface RowChunk {
  readonly start: number;
  readonly count: number;
  readonly bytes: number;
}

/** UTF-8 length of a string as JSON would encode it (quotes and escapes included). */
export function jsonStringBytes(text: string): number {
  let bytes = 2;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0x22 || code === 0x5c) bytes += 2;
    else if (code < 0x20) bytes += 6;
    else if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdfff)
      bytes += 2; // each half of a 4-byte pair
    else bytes += 3;
  }
  return bytes;
}

function valueBytes(value: CellValue): number {
  if (value === null) return 4;
  if (typeof value === 'string') return jsonStringBytes(value);
  if (typeof value === 'boolean') return value ? 4 : 5;
  return String(value).length;
}

/** Bytes of one row's JSON array, plus a fixed overhead for the operation that carries it. */
export function rowBytes(row: readonly CellValue[], overhead = 0): number {
  let bytes = 2 + Math.max(0, row.length - 1) + overhead;
  for (const value of row) bytes += valueBytes(value);
  return bytes;
}

/** Splits rows (given by their byte sizes) into consecutive chunks under both limits. */
export function planChunks(
  sizes: readonly number[],
  cellsPerRow: number,
  limits: ChunkLimits = DEFAULT_CHUNK_LIMITS,
): RowChunk[] {
  const maxRows = Math.max(1, Math.floor(limits.maxCells / Math.max(1, cellsPerRow)));
  const chunks: RowChunk[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < sizes.length; i += 1) {
    const size = sizes[i] ?? 0;
    const count = i - start;
    if (count > 0 && (bytes + size > limits.maxBytes || count >= maxRows)) {
      chunks.push({ start, count, bytes });
      start = i;
      bytes = 0;
    }
    bytes += size;
  }
  if (sizes.length > start) chunks.push({ start, count: sizes.length - start, bytes });
  return chunks;
}

/** Halves a chunk after a payload error; a one-row chunk cannot be split and is returned alone. */
export function halveChunk(chunk: RowChunk, sizes: readonly number[]): RowChunk[] {
  if (chunk.count < 2) return [chunk];
  const firstCount = Math.ceil(chunk.count / 2);
  const sum = (from: number, count: number): number => {
    let total = 0;
    for (let i = from; i < from + count; i += 1) total += sizes[i] ?? 0;
    return total;
  };
  const secondStart = chunk.start + firstCount;
  return [
    { start: chunk.start, count: firstCount, bytes: sum(chunk.start, firstCount) },
    {
      start: secondStart,
      count: chunk.count - firstCount,
      bytes: sum(secondStart, chunk.count - firstCount),
    },
  ];
}

/** Splits a list of items into groups of at most `size` (for marks, highlights, deletes). */
export function groupsOf<T>(items: readonly T[], size: number): T[][] {
  const groups: T[][] = [];
  for (let i = 0; i < items.length; i += size) groups.push(items.slice(i, i + size));
  return groups;
}
