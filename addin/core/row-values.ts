// One sheet row → the typed values a field wants (shared/cells.ts parseCell, the server's own
// rules), the cell-level facts a user must see (formula, merged cell, number stored as text), and
// the row digest: one 4-character segment per field of the canonical typed value, so a digest
// changes when any field changes and a refresh can count the edited cells.
import { isBlank, parseCell } from '../../shared/cells';
import type { FieldDescription } from '../../shared/meta';
import type { CellValue } from '../excel/port';
import { segmentDigest } from './hash';
import type { TableView } from './table-view';

/** A field and the table column holding it (-1 when no column does). */
export interface FieldColumn {
  readonly field: FieldDescription;
  readonly column: number;
}

export interface CellFinding {
  readonly column: number;
  readonly field: string;
  readonly code: string;
  readonly severity: 'error' | 'warning';
}

export interface ParsedRow {
  readonly values: Record<string, unknown>;
  readonly findings: CellFinding[];
  readonly digest: string;
  readonly blank: boolean;
}

/** The raw cells of one row: the port's values and texts, or cells the add-in is about to write. */
export interface RowCells {
  value(column: number): CellValue;
  text(column: number): string;
  isFormula(column: number): boolean;
  isMerged(column: number): boolean;
}

export function viewRow(view: TableView, row: number): RowCells {
  return {
    value: (column) => view.cell(row, column),
    text: (column) => view.text(row, column),
    isFormula: (column) => view.isFormula(row, column),
    isMerged: (column) => view.isMerged(row, column),
  };
}

export function plainRow(cells: readonly CellValue[]): RowCells {
  return {
    value: (column) => cells[column] ?? null,
    text: (column) => String(cells[column] ?? ''),
    isFormula: () => false,
    isMerged: () => false,
  };
}

/** Fields sorted by name: the digest does not depend on the order of the user's columns. */
export function sortFieldColumns(columns: readonly FieldColumn[]): FieldColumn[] {
  return [...columns].sort((a, b) => (a.field.name < b.field.name ? -1 : a.field.name > b.field.name ? 1 : 0));
}

function rawFor(cells: RowCells, fc: FieldColumn): CellValue {
  const raw = cells.value(fc.column);
  // A code typed as 12 in a cell formatted 0000 is "0012" to the user: read what they see.
  if (fc.field.kind === 'code' && typeof raw === 'number') return cells.text(fc.column) || String(raw);
  return raw;
}

/** Parses the row's fields; `columns` must come sorted (sortFieldColumns). */
export function parseRow(cells: RowCells, columns: readonly FieldColumn[]): ParsedRow {
  const values: Record<string, unknown> = {};
  const findings: CellFinding[] = [];
  let digest = '';
  let blank = true;
  for (const fc of columns) {
    const raw = fc.column < 0 ? null : rawFor(cells, fc);
    const finding = (code: string, severity: 'error' | 'warning' = 'error') =>
      findings.push({ column: fc.column, field: fc.field.name, code, severity });
    if (fc.column >= 0 && cells.isMerged(fc.column)) finding('merged-cell');
    if (isBlank(raw)) {
      digest += segmentDigest('');
      continue;
    }
    blank = false;
    if (cells.isFormula(fc.column)) finding('formula-not-allowed');
    const parsed = parseCell(raw, fc.field);
    if (!parsed.ok) {
      finding(parsed.code);
      digest += segmentDigest(`!${String(raw)}`);
      continue;
    }
    // Read as a number, but said: a text cell does not sum in the user's own formulas.
    if (parsed.textNumber === true) finding('text-number', 'warning');
    values[fc.field.name] = parsed.value;
    digest += segmentDigest(JSON.stringify(parsed.value));
  }
  return { values, findings, digest, blank };
}

/** How many fields differ between two digests of the same fields (a refresh's edited cells). */
export function changedSegments(a: string, b: string): number {
  if (a.length !== b.length) return Math.max(a.length, b.length) / 4;
  let changed = 0;
  for (let i = 0; i < a.length; i += 4) if (a.slice(i, i + 4) !== b.slice(i, i + 4)) changed += 1;
  return changed;
}
