// The CPU-heavy half of an import, which runs in a worker thread (import-pool.ts): guard the
// zip, parse the first sheet with SheetJS, find the header, turn rows into mutations — and, for
// `?format=xlsx`, render the uploaded sheet with its results. Inputs and outputs are plain data
// (they cross the thread boundary); an AppError travels as its code, params and details.
import type { Locale } from '../../shared/locale';
import { describeDataset, type FieldDescription } from '../../shared/meta';
import type { MessageCode, MessageParams } from '../../shared/messages';
import { AppError } from '../http/errors';
import type { HandlerRegistry } from '../sync/registry';
import { findHeader, importRows, type ImportRow } from './import-rows';
import { resultWorkbook } from './import-result';
import type { ImportReport } from './import';
import { assertSafeXlsx } from './xlsx-guard';
import { readFirstSheet, type SheetRead } from './xlsx-read';
import { createHash } from 'node:crypto';

export interface ParseRequest {
  buffer: Uint8Array;
  dataset: string;
  locale: Locale;
}

/** What the request thread needs of a parsed upload. */
export interface ParsedUpload {
  sheetName: string;
  header: { index: number; titles: string[]; columns: (string | null)[] };
  rows: ImportRow[];
}

export type WorkerError = { code: MessageCode; params: MessageParams; details?: unknown };

export const sha256 = (buffer: Uint8Array) => createHash('sha256').update(buffer).digest('hex');

function labelsOf(
  names: readonly string[],
  fields: readonly FieldDescription[],
  locale: Locale,
): string {
  return names.map((name) => fields.find((f) => f.name === name)?.label[locale] ?? name).join(', ');
}

function fieldsOf(registry: HandlerRegistry, dataset: string) {
  const handler = registry.get(dataset);
  const push = handler?.def.push;
  if (!handler || !push) throw new AppError('dataset-not-pushable', { dataset });
  return { fields: describeDataset(handler.def).fields, pushSchema: push.schema };
}

/** Guard, read and map an upload; refuses a file without the required columns. */
async function readSheet(registry: HandlerRegistry, request: ParseRequest) {
  const buffer = Buffer.from(
    request.buffer.buffer,
    request.buffer.byteOffset,
    request.buffer.length,
  );
  await assertSafeXlsx(buffer);
  const sheet = readFirstSheet(buffer);
  const { fields, pushSchema } = fieldsOf(registry, request.dataset);
  const header = findHeader(sheet, fields);
  const { missing } = header.mapping;
  if (missing.length > 0) {
    throw new AppError(
      'file-no-header',
      { fields: labelsOf(missing, fields, request.locale) },
      { missing, headerRow: header.index + 1 },
    );
  }
  return { sheet, header, fields, pushSchema, buffer };
}

export async function parseUpload(
  registry: HandlerRegistry,
  request: ParseRequest,
): Promise<ParsedUpload> {
  const { sheet, header, fields, pushSchema, buffer } = await readSheet(registry, request);
  const rows = importRows({ sheet, header, fields, pushSchema, fileSha: sha256(buffer) });
  return {
    sheetName: sheet.sheetName,
    header: { index: header.index, titles: header.titles, columns: header.mapping.columns },
    rows,
  };
}

/** The uploaded sheet with one more column of results, as .xlsx bytes. */
export async function renderResult(
  registry: HandlerRegistry,
  request: ParseRequest & { report: ImportReport },
): Promise<Uint8Array> {
  const { sheet, header }: { sheet: SheetRead; header: ReturnType<typeof findHeader> } =
    await readSheet(registry, request);
  return resultWorkbook({ sheet, header }, request.report, request.locale);
}

export function toWorkerError(error: unknown): WorkerError | null {
  if (!(error instanceof AppError)) return null;
  return {
    code: error.code,
    params: error.params,
    ...(error.details === undefined ? {} : { details: error.details }),
  };
}
