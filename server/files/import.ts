// POST /api/v1/import/<dataset>: an .xlsx becomes push mutations and goes through runPush, so an
// imported row is validated and applied exactly as a pushed one (same rules, duplicate guards,
// dryRun, atomic, audit). The caller is the actor; the workbook is 'import:<sha256 prefix>'.
import { groupKeyOf } from '../../shared/dataset-def';
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
import { BatchSizer } from './batch-sizer';
import { sha256, type ParsedUpload } from './import-parse';
import type { ImportPool } from './import-pool';
import type { ImportRow } from './import-rows';
import { columnName } from './xlsx-read';

export interface ImportInput {
  db: Db;
  handler: DatasetHandler;
  user: AuthUser;
  buffer: Buffer;
  now: Date;
  locale: Locale;
  dryRun: boolean;
  atomic: boolean;
  /** Parses the upload off the request loop. */
  pool: ImportPool;
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

export { sha256 };

/** Lets the request loop answer whoever is waiting before the next batch. */
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The mutations in groups that stay together (an order's lines), so the whole-order rule sees
 * every line of an order in one push; a row without a group is a group of one.
 */
function groupsOf(input: ImportInput, mutations: readonly Mutation[]): Mutation[][] {
  const { groupBy } = input.handler.def;
  const groups = new Map<string, Mutation[]>();
  mutations.forEach((m, i) => {
    const key = groupKeyOf(groupBy, m.values) ?? `#${i}`;
    const group = groups.get(key) ?? [];
    group.push(m);
    groups.set(key, group);
  });
  return [...groups.values()];
}

/**
 * Batches for the pushes: one for an atomic import (one transaction holds every row, so
 * all-or-nothing really holds); otherwise whole groups up to the size the sizer asks for as each
 * batch is taken, so each transaction is short and the loop is free between them.
 */
function* batchesOf(
  input: ImportInput,
  mutations: readonly Mutation[],
  sizer: BatchSizer,
): Generator<Mutation[]> {
  if (input.atomic) {
    yield [...mutations];
    return;
  }
  let batch: Mutation[] = [];
  for (const group of groupsOf(input, mutations)) {
    if (batch.length > 0 && batch.length + group.length > sizer.next) {
      yield batch;
      batch = [];
    }
    batch.push(...group);
  }
  if (batch.length > 0) yield batch;
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
  // otherwise short batches keep each transaction short, with the loop free between them.
  const results: RowResult[] = [];
  const sizer = new BatchSizer();
  for (const batch of batchesOf(input, mutations, sizer)) {
    if (results.length > 0) await yieldToLoop();
    const started = performance.now();
    const request = {
      workbookId: actor.workbookId,
      clientId: actor.clientId,
      dataset: input.handler.def.name,
      dryRun,
      atomic: input.atomic,
      mutations: batch,
    };
    const response = await runPush({
      db: input.db,
      handler: input.handler,
      actor,
      request,
      now: input.now,
      locale: input.locale,
    });
    sizer.took(batch.length, performance.now() - started);
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

function describeImport(
  input: ImportInput,
  parsed: ParsedUpload,
  results: ImportResult[],
): ImportReport {
  const { header } = parsed;
  const fields = describeDataset(input.handler.def).fields;
  const mapped = new Set(header.columns);
  return {
    dataset: input.handler.def.name,
    sheet: parsed.sheetName,
    headerRow: header.index + 1,
    dryRun: input.dryRun,
    atomic: input.atomic,
    mapping: header.titles
      .map((title, c) => ({
        column: columnName(c),
        header: title,
        field: header.columns[c] ?? null,
      }))
      .filter((m) => m.header !== '' || m.field !== null),
    missing: [],
    unmapped: fields.filter((f) => !f.readOnly && !mapped.has(f.name)).map((f) => f.name),
    results,
    summary: summarize(results),
  };
}

/**
 * Imports the first sheet of `input.buffer`; per-row results in the caller's language. The file
 * is parsed in the import pool; only the pushes run on the request loop, in short batches.
 */
export async function runImport(input: ImportInput): Promise<{ report: ImportReport }> {
  const dataset = input.handler.def.name;
  if (!input.handler.def.push) throw new AppError('dataset-not-pushable', { dataset });
  const parsed = await input.pool.parse({ buffer: input.buffer, dataset, locale: input.locale });
  const { rows } = parsed;
  if (rows.length > limits.maxImportRows)
    throw new AppError('file-too-many-rows', { limit: limits.maxImportRows });
  const fields = describeDataset(input.handler.def).fields;
  const mutations = rows.flatMap((r) => (r.mutation ? [r.mutation] : []));
  const localFailure = mutations.length < rows.length;
  const abort = input.atomic && localFailure;
  let pushed = mutations.length > 0 ? await pushAll(input, mutations, input.dryRun || abort) : [];
  if (abort) pushed = abortedResults(pushed, fields, input.locale);
  const byKey = new Map(pushed.map((r) => [r.mutationId, r]));
  // A few thousand rows at a time, with the loop free between: the results of 50,000 rows
  // described in one go would hold every other request for their length.
  const results: ImportResult[] = [];
  for (let i = 0; i < rows.length; i += 2000) {
    if (i > 0) await yieldToLoop();
    for (const row of rows.slice(i, i + 2000))
      results.push(
        toResult(row, row.mutation && byKey.get(row.mutation.mutationId), {
          fields,
          locale: input.locale,
        }),
      );
  }
  return { report: describeImport(input, parsed, results) };
}

/**
 * The report as JSON text, serialised a few thousand results at a time with the loop free in
 * between: one JSON.stringify of 50,000 results would hold every other request for its length.
 */
export async function reportJson(report: ImportReport): Promise<string> {
  const { results, ...head } = report;
  const parts: string[] = [];
  for (let i = 0; i < results.length; i += 2000) {
    if (i > 0) await yieldToLoop();
    parts.push(
      results
        .slice(i, i + 2000)
        .map((r) => JSON.stringify(r))
        .join(','),
    );
  }
  const rest = JSON.stringify(head);
  return `${rest.slice(0, -1)}${rest.length > 2 ? ',' : ''}"results":[${parts.join(',')}]}`;
}
