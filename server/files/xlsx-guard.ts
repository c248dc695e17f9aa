// Refuses hostile or broken uploads before SheetJS sees them (docs/protocol.md, "Errors").
// SheetJS inflates every zip entry to the end of its deflate stream whatever sizes the headers
// declare, so this guard (1) reads the central directory with yauzl without inflating — entry
// count, worksheet count, declared sizes and ratios, the parts an .xlsx must have — and then
// (2) inflates each entry once with yauzl's size validation, stopping at the first entry that
// expands past its declared size, so a lying header cannot get an unbounded inflate later.
import { finished } from 'node:stream/promises';
import type { Entry, ZipFile } from 'yauzl';
import yauzl from 'yauzl';
import { AppError } from '../http/errors';

export const zipLimits = {
  /** Entries in the archive (a plain workbook has ~15). */
  maxEntries: 1000,
  maxWorksheets: 100,
  /** Sum of the declared uncompressed sizes. */
  maxTotalUncompressedBytes: 200 * 1024 * 1024,
  /** An entry larger than this may not expand more than maxRatio times its compressed size. */
  ratioCheckFromBytes: 8 * 1024 * 1024,
  maxRatio: 100,
} as const;

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const REQUIRED_PARTS = ['[Content_Types].xml', 'xl/workbook.xml'];
const WORKSHEET = /^xl\/worksheets\/sheet[^/]*\.xml$/i;

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

interface Inventory {
  entries: Entry[];
  worksheets: number;
  declaredBytes: number;
}

function checkEntry(entry: Entry, inventory: Inventory): void {
  inventory.entries.push(entry);
  if (inventory.entries.length > zipLimits.maxEntries) {
    throw new AppError('file-too-many-sheets', {
      count: `> ${zipLimits.maxEntries}`,
      limit: zipLimits.maxWorksheets,
    });
  }
  if (WORKSHEET.test(entry.fileName)) inventory.worksheets += 1;
  inventory.declaredBytes += entry.uncompressedSize;
  if (inventory.declaredBytes > zipLimits.maxTotalUncompressedBytes) {
    throw new AppError('file-zip-bomb', {
      size: `> ${megabytes(zipLimits.maxTotalUncompressedBytes)}`,
    });
  }
  const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
  if (entry.uncompressedSize > zipLimits.ratioCheckFromBytes && ratio > zipLimits.maxRatio) {
    throw new AppError('file-zip-bomb', { size: megabytes(entry.uncompressedSize) });
  }
  if (entry.isEncrypted() || !entry.canDecodeFileData()) throw new AppError('file-not-xlsx');
}

async function openZip(buffer: Buffer): Promise<ZipFile> {
  if (buffer.length < 22 || !buffer.subarray(0, 4).equals(ZIP_MAGIC))
    throw new AppError('file-not-xlsx');
  try {
    return await yauzl.fromBufferPromise(buffer, {
      lazyEntries: true,
      validateEntrySizes: true,
      strictFileNames: false,
    });
  } catch {
    throw new AppError('file-not-xlsx');
  }
}

/** Step 1: the central directory only; nothing is inflated. */
async function takeInventory(zip: ZipFile): Promise<Inventory> {
  const inventory: Inventory = { entries: [], worksheets: 0, declaredBytes: 0 };
  if (zip.entryCount > zipLimits.maxEntries) {
    throw new AppError('file-too-many-sheets', {
      count: zip.entryCount,
      limit: zipLimits.maxWorksheets,
    });
  }
  try {
    for await (const entry of zip.eachEntry()) checkEntry(entry, inventory);
  } catch (error) {
    throw error instanceof AppError ? error : new AppError('file-not-xlsx');
  }
  if (inventory.worksheets > zipLimits.maxWorksheets) {
    throw new AppError('file-too-many-sheets', {
      count: inventory.worksheets,
      limit: zipLimits.maxWorksheets,
    });
  }
  const names = new Set(inventory.entries.map((e) => e.fileName));
  if (REQUIRED_PARTS.some((part) => !names.has(part)) || inventory.worksheets === 0)
    throw new AppError('file-not-xlsx');
  return inventory;
}

/** Step 2: inflate each entry, discarding the bytes; yauzl errors when one outgrows its header. */
async function verifyEntry(zip: ZipFile, entry: Entry): Promise<void> {
  try {
    const stream = await zip.openReadStreamPromise(entry);
    stream.resume();
    await finished(stream);
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/too many bytes/.test(message))
      throw new AppError('file-zip-bomb', { size: `> ${megabytes(entry.uncompressedSize)}` });
    throw new AppError('file-not-xlsx');
  }
}

/** Throws an AppError (file-not-xlsx, file-zip-bomb, file-too-many-sheets) unless `buffer` looks like a sane .xlsx. */
export async function assertSafeXlsx(buffer: Buffer): Promise<void> {
  const zip = await openZip(buffer);
  try {
    const inventory = await takeInventory(zip);
    for (const entry of inventory.entries) await verifyEntry(zip, entry);
  } finally {
    zip.close();
  }
}
