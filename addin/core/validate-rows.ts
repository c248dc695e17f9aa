// Validation of a bound table, pure: every non-blank row parsed per field, checked with the
// dataset's own zod schema (the one the server runs) and the meta's master-data lists, and every
// problem turned into a CellIssue at its cell with a sentence in the user's language.
import type { RowRule, RowSchema, RuleContext } from '../../shared/dataset-def';
import type { Locale } from '../../shared/locale';
import type { DatasetDescription, FieldDescription } from '../../shared/meta';
import type { MessageCode } from '../../shared/messages';
import { applyDefaults } from '../../shared/defaults';
import { checkRow, describeProblems, type RowProblem } from '../../shared/row-errors';
import type { CellIssue } from '../app-api';
import type { RefChecker } from './refs';
import { RowParser, viewRow, type FieldColumn, type ParsedRow } from './row-values';
import { readState, type RowState, type StateLayout } from './row-state';
import type { TableView } from './table-view';
import { say } from './texts';

export interface CheckedRow {
  readonly row: number;
  readonly parsed: ParsedRow;
  readonly state: RowState;
  readonly valid: boolean;
  /** Error sentences, for `_status`. */
  readonly reasons: string[];
  /** Valid itself, but held back with its group (group-hold.ts); `reasons` says why. */
  readonly heldBack?: boolean;
}

export interface TableCheck {
  readonly rows: CheckedRow[];
  readonly issues: CellIssue[];
}

export interface CheckInput {
  view: TableView;
  layout: StateLayout;
  columns: readonly FieldColumn[];
  dataset: DatasetDescription;
  schema: RowSchema | undefined;
  refs: RefChecker;
  /** The dataset's row rules and what they may look up; no context (signed out) skips them. */
  rules: readonly RowRule[];
  ruleContext: RuleContext | null;
  locale: Locale;
}

interface Found {
  column: number;
  problem: RowProblem;
  severity: 'error' | 'warning';
}

/** Params the sentences need: the options of an enum, the limit of a text. */
function problem(
  field: FieldDescription | undefined,
  code: MessageCode,
  at: { locale: Locale; value?: string },
): RowProblem {
  const params: Record<string, string | number> = at.value === undefined ? {} : { value: at.value };
  if (field?.max !== undefined) params.max = field.max;
  if (field?.options)
    params.options = field.options
      .map((o) => o.label[at.locale])
      .join(at.locale === 'zh-CN' ? '、' : ', ');
  return { ...(field ? { field: field.name } : {}), code, params };
}

function rowFindings(input: CheckInput, parsed: ParsedRow): Found[] {
  const byField = new Map(input.columns.map((fc) => [fc.field.name, fc]));
  const found: Found[] = parsed.findings.map((f) => ({
    column: f.column,
    problem: problem(byField.get(f.field)?.field, f.code as MessageCode, input),
    severity: f.severity,
  }));
  const failed = new Set(parsed.findings.filter((f) => f.severity === 'error').map((f) => f.field));
  // Blank cells with a declared default are checked as the server will fill them in.
  const lookup = input.ruleContext?.attribute ?? (() => undefined);
  const values = applyDefaults(input.dataset.fields, parsed.values, lookup).values;
  if (input.schema) {
    const check = checkRow(input.schema, values, input.dataset.fields);
    for (const p of check.ok ? [] : check.problems) {
      if (p.field !== undefined && failed.has(p.field)) continue;
      found.push({
        column: p.field === undefined ? -1 : (byField.get(p.field)?.column ?? -1),
        problem: p,
        severity: 'error',
      });
      if (p.field !== undefined) failed.add(p.field);
    }
  }
  for (const p of ruleProblems(input, values, failed)) {
    found.push({ column: byField.get(p.field)?.column ?? -1, problem: p, severity: 'error' });
    failed.add(p.field);
  }
  for (const fc of input.columns) {
    const code =
      fc.field.ref === undefined || failed.has(fc.field.name)
        ? null
        : input.refs.check(fc.field, parsed.values[fc.field.name]);
    const value = String(parsed.values[fc.field.name]);
    if (code)
      found.push({
        column: fc.column,
        problem: problem(fc.field, code, { locale: input.locale, value }),
        severity: 'error',
      });
  }
  return found;
}

/** The dataset's rules, over a row whose fields they read passed every other check. */
function ruleProblems(
  input: CheckInput,
  values: Readonly<Record<string, unknown>>,
  failed: ReadonlySet<string>,
) {
  const ctx = input.ruleContext;
  if (!ctx || input.rules.length === 0 || failed.size > 0) return [];
  return input.rules.flatMap((rule) => rule(values, ctx));
}

function toIssues(input: CheckInput, row: number, found: readonly Found[]): CellIssue[] {
  const { view, layout, locale } = input;
  const messages = describeProblems(
    found.map((f) => f.problem),
    input.dataset.fields,
    locale,
  );
  const fallbackColumn = layout.status >= 0 ? layout.status : (input.columns[0]?.column ?? 0);
  return found.map((f, i) => ({
    sheetName: view.region.sheetName,
    address: view.addressOf(row, f.column >= 0 ? f.column : fallbackColumn),
    sheetRow: view.sheetRowOf(row),
    field: f.problem.field ?? null,
    code: f.problem.code,
    message: messages[i]?.message ?? f.problem.code,
    severity: f.severity,
  }));
}

function hiddenIssue(input: CheckInput, row: number): CellIssue {
  // The row's leftmost field: where the eye lands on a row.
  const column = Math.min(...input.columns.map((fc) => fc.column), input.view.width - 1);
  return {
    sheetName: input.view.region.sheetName,
    address: input.view.addressOf(row, column),
    sheetRow: input.view.sheetRowOf(row),
    field: null,
    code: 'hidden-row',
    message: say('hidden-row', {}, input.locale),
    severity: 'warning',
  };
}

export function checkTable(input: CheckInput): TableCheck {
  const rows: CheckedRow[] = [];
  const issues: CellIssue[] = [];
  const parser = new RowParser(input.columns);
  for (let row = 0; row < input.view.rowCount; row += 1) {
    const parsed = parser.parse(viewRow(input.view, row));
    if (parsed.blank) continue;
    const rowIssues = toIssues(input, row, rowFindings(input, parsed));
    if (input.view.isHidden(row)) rowIssues.push(hiddenIssue(input, row));
    const reasons = rowIssues.filter((i) => i.severity === 'error').map((i) => i.message);
    rows.push({
      row,
      parsed,
      state: readState(input.view, input.layout, row),
      valid: reasons.length === 0,
      reasons,
    });
    issues.push(...rowIssues);
  }
  return { rows, issues };
}

/** Sentences one after another: each already ends with its own full stop (。 or .). */
export function joinReasons(reasons: readonly string[], locale: Locale): string {
  return reasons.join(locale === 'zh-CN' ? '' : ' ');
}
