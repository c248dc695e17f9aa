// One sheet row → the typed values a field wants (shared/cells.ts parseCell, the server's own
// rules), the cell-level facts a user must see (formula, merged cell, number stored as text), and
// the row digest: one 4-character segment per field of the canonical typed value, so a digest
// changes when any field changes and a refresh can count the edited cells.
import { isBlank, parseCell, type ParsedCell } from '../../shared/cells';
import type { FieldDescription } from '../../shared/meta';
import type { CellValue } from '../excel/port';
import { segmentDigest } from './hash';
import type { TableView } from './table-view';

/** A field and the table column holding it (-1 when no column does). */
export interface FieldColumn {
  readonly field: FieldDescription;
  readonly column: number;
}

interface CellFinding {
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
interface RowCells {
  value(column: number): CellValue;
  text(column: number): string;
  isFormula(column: number): boolean;
  isMerged(column: number): boolean;
}

// Classes rather than object literals of closures: validation makes one per row, and 100,000
// rows of fresh closures cost more than the parsing itself.
class ViewRow implements RowCells {
  constructor(
    private readonly view: TableView,
    private readonly row: number,
  ) {}
  value(column: number): CellValue {
    return this.view.cell(this.row, column);
  }
  text(column: number): string {
    return this.view.text(this.row, column);
  }
  isFormula(column: number): boolean {
    return this.view.isFormula(this.row, column);
  }
  isMerged(column: number): boolean {
    return this.view.isMerged(this.row, column);
  }
}

class PlainRow implements RowCells {
  constructor(private readonly cells: readonly CellValue[]) {}
  value(column: number): CellValue {
    return this.cells[column] ?? null;
  }
  text(column: number): string {
    return String(this.cells[column] ?? '');
  }
  isFormula(): boolean {
    return false;
  }
  isMerged(): boolean {
    return false;
  }
}

export function viewRow(view: TableView, row: number): RowCells {
  return new ViewRow(view, row);
}

export function plainRow(cells: readonly CellValue[]): RowCells {
  return new PlainRow(cells);
}

/** Fields sorted by name: the digest does not depend on the order of the user's columns. */
export function sortFieldColumns(columns: readonly FieldColumn[]): FieldColumn[] {
  return [...columns].sort((a, b) =>
    a.field.name < b.field.name ? -1 : a.field.name > b.field.name ? 1 : 0,
  );
}

function rawFor(cells: RowCells, fc: FieldColumn): CellValue {
  const raw = cells.value(fc.column);
  // A code typed as 12 in a cell formatted 0000 is "0012" to the user: read what they see.
  if (fc.field.kind === 'code' && typeof raw === 'number')
    return cells.text(fc.column) || String(raw);
  return raw;
}

const EMPTY_SEGMENT = segmentDigest('');
/** Distinct values remembered per column; columns repeat (dealers, dates, SKUs), keys do not. */
const CACHE_LIMIT = 20_000;

interface Cached {
  readonly parsed: ParsedCell;
  readonly segment: string;
}

/** Parses rows of one table; parsing a value is pure, so each column remembers its values. */
export class RowParser {
  private readonly caches: Map<CellValue, Cached>[];

  /** `columns` must come sorted (sortFieldColumns): the digest follows their order. */
  constructor(readonly columns: readonly FieldColumn[]) {
    this.caches = columns.map(() => new Map<CellValue, Cached>());
  }

  private parseCell(index: number, fc: FieldColumn, raw: CellValue): Cached {
    const cache = this.caches[index] ?? new Map<CellValue, Cached>();
    const hit = cache.get(raw);
    if (hit) return hit;
    const parsed = parseCell(raw, fc.field);
    const segment = segmentDigest(parsed.ok ? JSON.stringify(parsed.value) : `!${String(raw)}`);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(raw, { parsed, segment });
    return { parsed, segment };
  }

  parse(cells: RowCells): ParsedRow {
    const values: Record<string, unknown> = {};
    const findings: CellFinding[] = [];
    let digest = '';
    let blank = true;
    this.columns.forEach((fc, index) => {
      const raw = fc.column < 0 ? null : rawFor(cells, fc);
      const { column } = fc;
      const field = fc.field.name;
      if (column >= 0 && cells.isMerged(column))
        findings.push({ column, field, code: 'merged-cell', severity: 'error' });
      if (isBlank(raw)) {
        digest += EMPTY_SEGMENT;
        return;
      }
      blank = false;
      if (cells.isFormula(column))
        findings.push({ column, field, code: 'formula-not-allowed', severity: 'error' });
      const { parsed, segment } = this.parseCell(index, fc, raw);
      digest += segment;
      if (!parsed.ok) {
        findings.push({ column, field, code: parsed.code, severity: 'error' });
        return;
      }
      // Read as a number, but said: a text cell does not sum in the user's own formulas.
      if (parsed.textNumber === true)
        findings.push({ column, field, code: 'text-number', severity: 'warning' });
      values[field] = parsed.value;
    });
    return { values, findings, digest, blank };
  }
}

/** Parses one row's fields; `columns` must come sorted (sortFieldColumns). */
export function parseRow(cells: RowCells, columns: readonly FieldColumn[]): ParsedRow {
  return new RowParser(columns).parse(cells);
}

/** Which fields (indexes in digest order) differ between two digests of the same fields. */
export function changedFieldIndexes(a: string, b: string): number[] {
  const count = Math.max(a.length, b.length) / 4;
  const changed: number[] = [];
  for (let i = 0; i < count; i += 1)
    if (a.length !== b.length || a.slice(i * 4, i * 4 + 4) !== b.slice(i * 4, i * 4 + 4))
      changed.push(i);
  return changed;
}
