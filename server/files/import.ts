// POST /api/v1/import/<dataset>: an .xlsx becomes push mutations and goes through runPush, so an
// imported row is validated and applied exactly as a pushed one (same rules, duplicate guards,
// dryRun, atomic, audit). The caller is the actor; the workbook is 'import:<sha256 prefix>'.
import { createHash } from 'node:crypto';
import type { Locale } from '../../shared/locale';
import { describeDataset, type FieldDescription } from '../../shared/meta';
import {
  limits,
  type Mutation,
  type RowError,
  type RowResult,
  type RowStatus,
} from '../../shared/protocol';
import { describeProblems } from '../../shared/row-errors';
import { AppError } from '../http/errors';
import type { AuthUser } from '../services/users';
import type { Db } from '../store/db';
import type { DatasetHandler } from '../sync/handler';
import { runPush } from '../sync/push';
import { findHeader, importRows, type HeaderFound, type ImportRow } from './import-rows';
import { assertSafeXlsx } from './xlsx-guard';
import { columnName, readFirstSheet, type SheetRead } from './xlsx-read';

export interface ImportInput {
  db: Db;
  handler: DatasetHandler;
  user: AuthUser;
  buffer: Buffer;
  now: Date;
  locale: Locale;
  dryRun: boolean;
  atomic: boolean;
}

export interface ImportResult {
  row: number;
  status: RowStatus;
  id?: string;
  version?: number;
  errors: RowError[];
}

export interface ImportReport {
  dataset: string;
  sheet: string;
  /** 1-based sheet row of the header. */
  headerRow: number;
  dryRun: boolean;
  atomic: boolean;
  mapping: { column: string; header: string; field: string | null }[];
  /** Required fields without a column (always empty here: such a file is refused with 422). */
  missing: string[];
  /** Optional fields without a column: imported rows leave them blank. */
  unmapped: string[];
  results: ImportResult[];
  summary: Record<RowStatus, number> & { rows: number };
}

export const sha256 = (buffer: Buffer) => createHash('sha256').update(buffer).digest('hex');

function labelsOf(
  names: readonly string[],
  fields: readonly FieldDescription[],
  locale: Locale,
): string {
  return names.map((name) => fields.find((f) => f.name === name)?.label[locale] ?? name).join(', ');
}

/** Guard, read and map the upload; refuses a file without the required columns. */
export async function readImport(
  input: Pick<ImportInput, 'buffer' | 'handler' | 'locale'>,
): Promise<{ sheet: SheetRead; header: HeaderFound; fields: FieldDescription[] }> {
  await assertSafeXlsx(input.buffer);
  const sheet = readFirstSheet(input.buffer);
  const fields = describeDataset(input.handler.def).fields;
  const header = findHeader(sheet, fields);
  const { missing } = header.mapping;
  if (missing.length > 0) {
    throw new AppError(
      'file-no-header',
      { fields: labelsOf(missing, fields, input.locale) },
      { missing, headerRow: header.index + 1 },
    );
  }
  return { sheet, header, fields };
}

async function pushAll(
  input: ImportInput,
  mutations: Mutation[],
  dryRun: boolean,
): Promise<RowResult[]> {
  const actor = {
    user: input.user,
    workbookId: `import:${sha256(input.buffer).slice(0, 16)}`,
    clientId: 'import',
  };
  // atomic: one runPush, so one transaction holds every row and all-or-nothing really holds;
  // otherwise batches of the protocol's push size keep each transaction short.
  const size = input.atomic ? mutations.length : limits.maxMutationsPerPush;
  const results: RowResult[] = [];
  for (let i = 0; i < mutations.length; i += size) {
    const request = {
      workbookId: actor.workbookId,
      clientId: actor.clientId,
      dataset: input.handler.def.name,
      dryRun,
      atomic: input.atomic,
      mutations: mutations.slice(i, i + size),
    };
    const response = await runPush({
      db: input.db,
      handler: input.handler,
      actor,
      request,
      now: input.now,
      locale: input.locale,
    });
    results.push(...response.results);
  }
  return results;
}

/** An all-or-nothing import with a row refused for its cells applies nothing; the rest say so. */
function abortedResults(
  results: RowResult[],
  fields: readonly FieldDescription[],
  locale: Locale,
): RowResult[] {
  const errors = describeProblems([{ code: 'atomic-aborted' }], fields, locale);
  return results.map((r) =>
    r.status === 'applied' || r.status === 'unchanged' ? { ...r, status: 'rejected', errors } : r,
  );
}

function toResult(
  row: ImportRow,
  pushed: RowResult | undefined,
  context: { fields: readonly FieldDescription[]; locale: Locale },
): ImportResult {
  if (!pushed)
    return {
      row: row.row,
      status: 'rejected',
      errors: describeProblems(row.problems, context.fields, context.locale),
    };
  return {
    row: row.row,
    status: pushed.status,
    ...(pushed.id === undefined ? {} : { id: pushed.id }),
    ...(pushed.version === undefined ? {} : { version: pushed.version }),
    errors: pushed.errors,
  };
}

function summarize(results: readonly ImportResult[]): ImportReport['summary'] {
  const summary = { rows: results.length, applied: 0, unchanged: 0, rejected: 0, conflict: 0 };
  for (const result of results) summary[result.status] += 1;
  return summary;
}

interface ReadImport {
  input: ImportInput;
  sheet: SheetRead;
  header: HeaderFound;
  fields: readonly FieldDescription[];
}

function describeImport(read: ReadImport, results: ImportResult[]): ImportReport {
  const { input, sheet, header, fields } = read;
  const mapped = new Set(header.mapping.columns);
  return {
    dataset: input.handler.def.name,
    sheet: sheet.sheetName,
    headerRow: header.index + 1,
    dryRun: input.dryRun,
    atomic: input.atomic,
    mapping: header.titles
      .map((title, c) => ({
        column: columnName(c),
        header: title,
        field: header.mapping.columns[c] ?? null,
      }))
      .filter((m) => m.header !== '' || m.field !== null),
    missing: [],
    unmapped: fields.filter((f) => !f.readOnly && !mapped.has(f.name)).map((f) => f.name),
    results,
    summary: summarize(results),
  };
}

/** Imports the first sheet of `input.buffer`; per-row results in the caller's language. */
export async function runImport(
  input: ImportInput,
): Promise<{ report: ImportReport; sheet: SheetRead; header: HeaderFound }> {
  const { sheet, header, fields } = await readImport(input);
  const push = input.handler.def.push;
  if (!push) throw new AppError('dataset-not-pushable', { dataset: input.handler.def.name });
  const rows = importRows({
    sheet,
    header,
    fields,
    pushSchema: push.schema,
    fileSha: sha256(input.buffer),
  });
  if (rows.length > limits.maxImportRows)
    throw new AppError('file-too-many-rows', { limit: limits.maxImportRows });
  const mutations = rows.flatMap((r) => (r.mutation ? [r.mutation] : []));
  const localFailure = mutations.length < rows.length;
  const abort = input.atomic && localFailure;
  let pushed = mutations.length > 0 ? await pushAll(input, mutations, input.dryRun || abort) : [];
  if (abort) pushed = abortedResults(pushed, fields, input.locale);
  const byKey = new Map(pushed.map((r) => [r.mutationId, r]));
  const results = rows.map((row) =>
    toResult(row, row.mutation && byKey.get(row.mutation.mutationId), {
      fields,
      locale: input.locale,
    }),
  );
  const report = describeImport({ input, sheet, header, fields }, results);
  return { report, sheet, header };
}
