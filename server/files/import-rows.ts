// Sheet rows → push mutations, with the add-in's rules: headers mapped by the shared synonyms,
// cells parsed with parseCell (blank = absent), formulas and hidden merged cells refused where a
// value belongs. Row keys are deterministic so importing the same file twice updates, never
// duplicates: the `_key` column when present, else the file's sha256 and the sheet row number.
import type { CellObject } from 'xlsx';
import { isBlank, parseCell, type CellValue } from '../../shared/cells';
import { mapHeaders, type HeaderMapping } from '../../shared/headers';
import type { FieldDescription } from '../../shared/meta';
import type { Mutation } from '../../shared/protocol';
import { checkRow, type RowProblem } from '../../shared/row-errors';
import type { RowSchema } from '../../shared/datasets';
import { cellText, HEADER_SEARCH_ROWS, type SheetRead } from './xlsx-read';

export interface HeaderFound {
  /** 0-based index of the header row in the sheet. */
  index: number;
  titles: string[];
  mapping: HeaderMapping;
  keyColumn: number;
  versionColumn: number;
}

/** One data row: a mutation to push, or the problems that kept it from being one. */
export interface ImportRow {
  /** 1-based sheet row number, as Excel shows it. */
  row: number;
  mutation?: Mutation;
  problems: RowProblem[];
}

interface RowContext {
  sheet: SheetRead;
  header: HeaderFound;
  fields: readonly FieldDescription[];
  pushSchema: RowSchema;
  fileSha: string;
}

const matched = (mapping: HeaderMapping) => mapping.columns.filter((c) => c !== null).length;

/** The row among the first ten whose titles map to the most fields. */
export function findHeader(sheet: SheetRead, fields: readonly FieldDescription[]): HeaderFound {
  let best: HeaderFound | null = null;
  const depth = Math.min(HEADER_SEARCH_ROWS, sheet.rows.length);
  for (let index = 0; index < depth; index += 1) {
    const titles = Array.from(sheet.rows[index] ?? [], (cell) => cellText(cell));
    const mapping = mapHeaders(titles, fields);
    if (best && matched(mapping) <= matched(best.mapping)) continue;
    const system = titles.map((t) => t.toLowerCase());
    best = {
      index,
      titles,
      mapping,
      keyColumn: system.indexOf('_key'),
      versionColumn: system.indexOf('_version'),
    };
  }
  return (
    best ?? {
      index: 0,
      titles: [],
      mapping: mapHeaders([], fields),
      keyColumn: -1,
      versionColumn: -1,
    }
  );
}

function rawValue(cell: CellObject | undefined): CellValue {
  if (!cell || cell.t === 'z' || cell.v === undefined) return null;
  return cell.v as CellValue;
}

function optionParams(field: FieldDescription): Record<string, string> {
  return field.options ? { options: field.options.map((o) => o.label['zh-CN']).join(', ') } : {};
}

function readCell(
  ctx: RowContext,
  at: { r: number; c: number },
  field: FieldDescription,
): { value?: unknown; problem?: RowProblem } {
  const cell = ctx.sheet.rows[at.r]?.[at.c];
  if (typeof cell?.f === 'string')
    return { problem: { field: field.name, code: 'formula-not-allowed' } };
  if (cell?.t === 'e') return { problem: { field: field.name, code: 'invalid-value' } };
  const raw = rawValue(cell);
  if (isBlank(raw)) {
    const hidden = ctx.sheet.merged.get(at.r)?.has(at.c) === true;
    return hidden ? { problem: { field: field.name, code: 'merged-cell' } } : {};
  }
  const parsed = parseCell(raw, field);
  if (parsed.ok) return { value: parsed.value };
  return { problem: { field: field.name, code: parsed.code, params: optionParams(field) } };
}

function systemValues(ctx: RowContext, r: number): { key: string | null; baseVersion?: number } {
  const { keyColumn, versionColumn } = ctx.header;
  const key = keyColumn < 0 ? null : cellText(ctx.sheet.rows[r]?.[keyColumn]);
  const version = versionColumn < 0 ? NaN : Number(cellText(ctx.sheet.rows[r]?.[versionColumn]));
  const baseVersion = Number.isInteger(version) && version >= 1 ? version : undefined;
  return {
    key: key ? key.slice(0, 100) : null,
    ...(baseVersion === undefined ? {} : { baseVersion }),
  };
}

/** Builds one row's mutation or problems; null for a blank row. */
function importRow(ctx: RowContext, r: number): ImportRow | null {
  const values: Record<string, unknown> = {};
  const problems: RowProblem[] = [];
  let filled = false;
  for (const [c, name] of ctx.header.mapping.columns.entries()) {
    const field = name === null ? undefined : ctx.fields.find((f) => f.name === name);
    if (!field || field.readOnly) continue;
    const { value, problem } = readCell(ctx, { r, c }, field);
    if (problem) problems.push(problem);
    if (value !== undefined) values[field.name] = value;
    filled ||= value !== undefined || (problem !== undefined && problem.code !== 'merged-cell');
  }
  const system = systemValues(ctx, r);
  if (!filled && system.key === null) return null;
  const row = r + 1;
  if (problems.length > 0)
    return { row, problems: [...problems, ...schemaProblems(ctx, values, problems)] };
  const rowKey = system.key ?? `imp-${ctx.fileSha.slice(0, 32)}-${row}`;
  const mutationId = `imp-${ctx.fileSha.slice(0, 40)}-${row}`;
  const baseVersion = system.baseVersion === undefined ? {} : { baseVersion: system.baseVersion };
  return { row, problems, mutation: { mutationId, op: 'upsert', rowKey, ...baseVersion, values } };
}

/** A row refused for its cells also lists what else is wrong, so one round of fixes is enough. */
function schemaProblems(
  ctx: RowContext,
  values: Record<string, unknown>,
  known: readonly RowProblem[],
): RowProblem[] {
  const check = checkRow(ctx.pushSchema, values, ctx.fields);
  if (check.ok) return [];
  const flagged = new Set(known.map((p) => p.field));
  return check.problems.filter((p) => !flagged.has(p.field));
}

/** Every non-blank data row below the header. */
export function importRows(ctx: RowContext): ImportRow[] {
  const rows: ImportRow[] = [];
  for (let r = ctx.header.index + 1; r < ctx.sheet.rows.length; r += 1) {
    const row = importRow(ctx, r);
    if (row) rows.push(row);
  }
  return rows;
}
