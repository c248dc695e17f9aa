// Refuses hostile or broken uploads before SheetJS sees them (docs/protocol.md, "Errors").
// SheetJS inflates every zip entry to the end of its deflate stream whatever sizes the headers
// declare, so this guard (1) reads the central directory with yauzl without inflating — entry
// count, worksheet count, declared sizes and ratios, the parts an .xlsx must have — and then
// (2) inflates each entry once with yauzl's size validation, stopping at the first entry that
// expands past its declared size or its part's own cap, so a lying header cannot get an
// unbounded inflate later, and counting cells and shared strings, so a file whose parse would
// need gigabytes (a shared-strings bomb) is refused before SheetJS parses anything.
import { finished } from 'node:stream/promises';
import type { Entry, ZipFile } from 'yauzl';
import yauzl from 'yauzl';
import { AppError } from '../http/errors';

const zipLimits = {
  /** Entries in the archive (a plain workbook has ~15). */
  maxEntries: 1000,
  maxWorksheets: 100,
  /** Sum of the declared uncompressed sizes. */
  maxTotalUncompressedBytes: 200 * 1024 * 1024,
  /** An entry larger than this may not expand more than maxRatio times its compressed size. */
  ratioCheckFromBytes: 8 * 1024 * 1024,
  maxRatio: 100,
  /**
   * Each part's own cap, uncompressed: a worksheet of 100,000 rows × 20 columns is ~60 MB of
   * XML; shared strings are short codes and names. A shared-strings bomb (7.8 MB that inflates
   * 25:1) passes the total and the ratio, but not these.
   */
  maxWorksheetBytes: 120 * 1024 * 1024,
  maxSharedStringsBytes: 24 * 1024 * 1024,
  maxOtherPartBytes: 8 * 1024 * 1024,
  /** Strings in the shared-strings table and cells in all worksheets, counted before parsing. */
  maxStrings: 1_000_000,
  maxCells: 3_000_000,
} as const;

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const REQUIRED_PARTS = ['[Content_Types].xml', 'xl/workbook.xml'];
const WORKSHEET = /^xl\/worksheets\/sheet[^/]*\.xml$/i;
const SHARED_STRINGS = /^xl\/sharedStrings[^/]*\.xml$/i;

/** The uncompressed size a part may have, by what it is. */
function partCap(name: string): number {
  if (WORKSHEET.test(name)) return zipLimits.maxWorksheetBytes;
  if (SHARED_STRINGS.test(name)) return zipLimits.maxSharedStringsBytes;
  return zipLimits.maxOtherPartBytes;
}

const partTooLarge = (entry: Entry) =>
  new AppError('file-zip-bomb', {
    size: `${entry.fileName} > ${megabytes(partCap(entry.fileName))}`,
  });

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
  if (entry.uncompressedSize > partCap(entry.fileName)) throw partTooLarge(entry);
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

/** Counts tags such as <c …> or <x:si> in a stream of XML chunks (a tag may span two chunks). */
class TagCounter {
  count = 0;
  private tail = '';
  constructor(private readonly tag: RegExp) {}

  add(chunk: Buffer): void {
    const text = this.tail + chunk.toString('latin1');
    this.count += text.match(this.tag)?.length ?? 0;
    // Keep the last few characters, minus any complete tag already counted in them.
    const keep = text.slice(-8);
    this.tail = this.tag.test(keep) ? '' : keep;
    this.tag.lastIndex = 0;
  }
}

const CELL = /<(?:\w+:)?c[\s>/]/g;
const STRING = /<(?:\w+:)?si[\s>/]/g;

interface Counts {
  cells: number;
  strings: number;
}

/**
 * Step 2: inflate each entry once, discarding the bytes: yauzl errors when one outgrows its
 * header, the part's own cap stops it otherwise, and cells and shared strings are counted.
 */
async function verifyEntry(zip: ZipFile, entry: Entry, counts: Counts): Promise<void> {
  const counter = WORKSHEET.test(entry.fileName)
    ? new TagCounter(CELL)
    : SHARED_STRINGS.test(entry.fileName)
      ? new TagCounter(STRING)
      : null;
  const cap = partCap(entry.fileName);
  let size = 0;
  try {
    const stream = await zip.openReadStreamPromise(entry);
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > cap) stream.destroy(partTooLarge(entry));
      counter?.add(chunk);
    });
    await finished(stream);
  } catch (error) {
    if (error instanceof AppError) throw error;
    const message = error instanceof Error ? error.message : '';
    if (/too many bytes/.test(message))
      throw new AppError('file-zip-bomb', { size: `> ${megabytes(entry.uncompressedSize)}` });
    throw new AppError('file-not-xlsx');
  }
  if (!counter) return;
  if (WORKSHEET.test(entry.fileName)) counts.cells += counter.count;
  else counts.strings += counter.count;
  if (counts.cells > zipLimits.maxCells)
    throw new AppError('file-too-many-cells', {
      what: `> ${zipLimits.maxCells.toLocaleString('en-US')} cells`,
      limit: zipLimits.maxCells.toLocaleString('en-US'),
    });
  if (counts.strings > zipLimits.maxStrings)
    throw new AppError('file-too-many-cells', {
      what: `> ${zipLimits.maxStrings.toLocaleString('en-US')} strings`,
      limit: zipLimits.maxStrings.toLocaleString('en-US'),
    });
}

/**
 * Throws an AppError (file-not-xlsx, file-zip-bomb, file-too-many-sheets, file-too-many-cells)
 * unless `buffer` looks like a sane .xlsx.
 */
export async function assertSafeXlsx(buffer: Buffer): Promise<void> {
  const zip = await openZip(buffer);
  try {
    const inventory = await takeInventory(zip);
    const counts: Counts = { cells: 0, strings: 0 };
    for (const entry of inventory.entries) await verifyEntry(zip, entry, counts);
  } finally {
    zip.close();
  }
}
