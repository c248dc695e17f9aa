// Shared plumbing for the Office implementation of the port: the one Excel.run per use case,
// requirement-set detection, recognising Office's error codes, and chunked sending.

import { halveChunk, planChunks, type RowChunk } from './chunks';
import type { ChunkLimits } from './port';

/** The manifest's minimum is ExcelApi 1.8; anything newer is detected at run time. */
const MIN_EXCEL_API_MINOR = 8;
const MAX_EXCEL_API_MINOR = 18;

export function isExcelApiSupported(minor: number): boolean {
  return Office.context.requirements.isSetSupported('ExcelApi', `1.${minor}`);
}

/** Highest ExcelApi 1.x the host supports, between 1.8 and 1.18. */
export function supportedExcelApiMinor(): number {
  for (let minor = MAX_EXCEL_API_MINOR; minor > MIN_EXCEL_API_MINOR; minor -= 1) {
    if (isExcelApiSupported(minor)) return minor;
  }
  return MIN_EXCEL_API_MINOR;
}

function errorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const { code, debugInfo } = error as { code?: unknown; debugInfo?: { code?: unknown } };
  if (typeof code === 'string') return code;
  return typeof debugInfo?.code === 'string' ? debugInfo.code : null;
}

/**
 * Excel on the web answers an oversized request with RequestPayloadSizeLimitExceeded (office.js
 * CoreErrorCodes); some hosts report PayloadTooLarge. Either means: send less per request.
 */
function isPayloadTooLarge(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'PayloadTooLarge';
}

/** Office's ItemNotFound: a sheet, table or other item by that name does not exist. */
export function isItemNotFound(error: unknown): boolean {
  return errorCode(error) === 'ItemNotFound';
}

/** A read whose answer is too large: the codes above, or a response-size code (…PayloadSize…). */
export function isReadTooLarge(error: unknown): boolean {
  return isPayloadTooLarge(error) || (errorCode(error) ?? '').includes('PayloadSize');
}

/** Counts the syncs a use case makes, so callers can report them (and tests can check them). */
export class SyncCounter {
  count = 0;
  constructor(private readonly context: Excel.RequestContext) {}
  async sync(): Promise<void> {
    this.count += 1;
    await this.context.sync();
  }
}

/** Excel.Range.values gives "" for an empty cell; the port speaks null. */
export function fromExcelValue(value: unknown): string | number | boolean | null {
  if (value === '' || value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  return JSON.stringify(value);
}

export interface ChunkStats {
  chunks: number;
  halvings: number;
  largestBytes: number;
}

export function emptyStats(): ChunkStats {
  return { chunks: 0, halvings: 0, largestBytes: 0 };
}

/**
 * Sends items in chunks, one sync per chunk: `queue` puts a chunk's operations on the context,
 * the sync sends them. A payload-too-large failure applied nothing, so the chunk is halved and
 * both halves are queued again (docs/architecture.md, "The port to Excel").
 */
export async function sendInChunks(
  sync: SyncCounter,
  plan: { sizes: readonly number[]; cellsPerItem: number; limits: ChunkLimits; stats: ChunkStats },
  queue: (chunk: RowChunk) => void,
): Promise<void> {
  const pending = planChunks(plan.sizes, plan.cellsPerItem, plan.limits);
  for (let chunk = pending.shift(); chunk; chunk = pending.shift()) {
    queue(chunk);
    try {
      await sync.sync();
    } catch (error) {
      if (!isPayloadTooLarge(error) || chunk.count < 2) throw error;
      plan.stats.halvings += 1;
      pending.unshift(...halveChunk(chunk, plan.sizes));
      continue;
    }
    plan.stats.chunks += 1;
    plan.stats.largestBytes = Math.max(plan.stats.largestBytes, chunk.bytes);
  }
}
