// Excel.Range, faked over the sheet model. A range resolves its sheet and rectangle when its
// operations run (at sync), so a body range of a table sees rows added earlier in the batch.

import { formatRect, qualify, type FakeRect } from './fake-a1';
import { enterFormula, enterInput, type FakeCellValue } from './fake-cells';
import { FakeObject, invalidArgument } from './fake-core';
import type { SheetModel } from './fake-model';
import { deleteRows, surroundingRegion } from './fake-range-ops';
import {
  FakeDataValidation,
  FakeRangeFormat,
  FakeRangeAreas,
  FakeRangeView,
} from './fake-range-parts';
import { FakeWorksheet } from './fake-sheet';

export interface RangeTarget {
  sheet: SheetModel;
  rect: FakeRect;
}

type Matrix = unknown[][];

function eachCell(
  rect: FakeRect,
  visit: (r: number, c: number, i: number, j: number) => void,
): void {
  for (let i = 0; i < rect.rowCount; i += 1) {
    for (let j = 0; j < rect.columnCount; j += 1) visit(rect.row + i, rect.column + j, i, j);
  }
}

function checkShape(rect: FakeRect, matrix: Matrix): void {
  const ok = matrix.length === rect.rowCount && matrix.every((r) => r.length === rect.columnCount);
  if (!ok) {
    throw invalidArgument(
      "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
    );
  }
}

export class FakeRange extends FakeObject {
  protected readonly scalarProperties = [
    'address',
    'values',
    'text',
    'formulas',
    'numberFormat',
    'rowCount',
    'columnCount',
    'rowIndex',
    'columnIndex',
  ];

  constructor(
    context: FakeRange['context'],
    readonly target: () => RangeTarget,
    path: string,
  ) {
    super(context, path);
  }

  private matrix(read: (sheet: SheetModel, r: number, c: number) => unknown): Matrix {
    const { sheet, rect } = this.target();
    const out: Matrix = [];
    for (let i = 0; i < rect.rowCount; i += 1) {
      const row: unknown[] = [];
      for (let j = 0; j < rect.columnCount; j += 1)
        row.push(read(sheet, rect.row + i, rect.column + j));
      out.push(row);
    }
    return out;
  }

  protected readProperty(name: string): unknown {
    const { sheet, rect } = this.target();
    switch (name) {
      case 'address':
        return qualify(sheet.name, rect);
      case 'values':
        return this.matrix((s, r, c) => s.value(r, c) ?? '');
      case 'text':
        return this.matrix((s, r, c) => s.text(r, c));
      case 'formulas':
        return this.matrix((s, r, c) => s.formula(r, c) ?? s.value(r, c) ?? '');
      case 'numberFormat':
        return this.matrix((s, r, c) => s.format(r, c));
      case 'rowCount':
        return rect.rowCount;
      case 'columnCount':
        return rect.columnCount;
      case 'rowIndex':
        return rect.row;
      case 'columnIndex':
        return rect.column;
      case 'rowHidden':
        return this.rowHiddenState();
      case 'columnHidden':
        return sheet.hiddenColumns.has(rect.column);
      default:
        throw invalidArgument(`Range has no property ${name}`);
    }
  }

  /** Excel: true when all rows are hidden, false when none, null when some. */
  private rowHiddenState(): boolean | null {
    const { sheet, rect } = this.target();
    let hidden = 0;
    for (let r = rect.row; r < rect.row + rect.rowCount; r += 1)
      if (sheet.rows[r]?.hidden) hidden += 1;
    return hidden === 0 ? false : hidden === rect.rowCount ? true : null;
  }

  get address(): string {
    return this.get('address');
  }
  get text(): string[][] {
    return this.get('text');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }

  get values(): FakeCellValue[][] {
    return this.get('values');
  }
  set values(matrix: FakeCellValue[][]) {
    this.setProperty('values', matrix, (m) => {
      const { sheet, rect } = this.target();
      checkShape(rect, m);
      // Office.js: a null entry in the matrix leaves that cell as it is.
      eachCell(rect, (r, c, i, j) => {
        const input = m[i]?.[j] ?? null;
        if (input !== null) enterInput(sheet.row(r), c, input, sheet.format(r, c));
      });
    });
  }

  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  set formulas(matrix: unknown[][]) {
    this.setProperty('formulas', matrix, (m) => {
      const { sheet, rect } = this.target();
      checkShape(rect, m);
      eachCell(rect, (r, c, i, j) => {
        const input = m[i]?.[j] as FakeCellValue;
        if (typeof input === 'string' && input.startsWith('='))
          enterFormula(sheet.row(r), c, input);
        else enterInput(sheet.row(r), c, input, sheet.format(r, c));
      });
    });
  }

  get numberFormat(): string[][] {
    return this.get('numberFormat');
  }
  set numberFormat(matrix: (string | null)[][]) {
    this.setProperty('numberFormat', matrix, (m) => {
      const { sheet, rect } = this.target();
      checkShape(rect, m);
      eachCell(rect, (r, c, i, j) => {
        const format = m[i]?.[j] ?? null;
        if (format !== null) (sheet.row(r).formats ??= [])[c] = format;
      });
    });
  }

  get rowHidden(): boolean | null {
    return this.get('rowHidden');
  }
  set rowHidden(hidden: boolean) {
    this.setProperty('rowHidden', hidden, (h) => {
      const { sheet, rect } = this.target();
      for (let r = rect.row; r < rect.row + rect.rowCount; r += 1) sheet.row(r).hidden = h;
    });
  }

  get columnHidden(): boolean {
    return this.get('columnHidden');
  }
  set columnHidden(hidden: boolean) {
    this.setProperty('columnHidden', hidden, (h) => {
      const { sheet, rect } = this.target();
      for (let c = rect.column; c < rect.column + rect.columnCount; c += 1) {
        if (h) sheet.hiddenColumns.add(c);
        else sheet.hiddenColumns.delete(c);
      }
    });
  }

  /** A sub-range relative to this one, resolved at sync time. */
  private derive(label: string, pick: (rect: FakeRect) => FakeRect): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const t = this.target();
        return { sheet: t.sheet, rect: pick(t.rect) };
      },
      `${this.path}.${label}`,
    );
  }

  getCell(row: number, column: number): FakeRange {
    return this.derive(`cell(${row},${column})`, (r) => ({
      row: r.row + row,
      column: r.column + column,
      rowCount: 1,
      columnCount: 1,
    }));
  }
  getRow(row: number): FakeRange {
    return this.derive(`row(${row})`, (r) => ({ ...r, row: r.row + row, rowCount: 1 }));
  }
  getColumn(column: number): FakeRange {
    return this.derive(`column(${column})`, (r) => ({
      ...r,
      column: r.column + column,
      columnCount: 1,
    }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derive(`resized(${deltaRows},${deltaColumns})`, (r) => ({
      ...r,
      rowCount: r.rowCount + deltaRows,
      columnCount: r.columnCount + deltaColumns,
    }));
  }
  getOffsetRange(rows: number, columns: number): FakeRange {
    return this.derive(`offset(${rows},${columns})`, (r) => ({
      ...r,
      row: r.row + rows,
      column: r.column + columns,
    }));
  }
  getSurroundingRegion(): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const t = this.target();
        return { sheet: t.sheet, rect: surroundingRegion(t.sheet, t.rect) };
      },
      `${this.path}.region`,
    );
  }
  getVisibleView(): FakeRangeView {
    return new FakeRangeView(this.context, () => this.target(), `${this.path}.visibleView`);
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.requireApi(13, 'Range.getMergedAreasOrNullObject');
    return new FakeRangeAreas(this.context, () => this.target(), `${this.path}.mergedAreas`);
  }

  get format(): FakeRangeFormat {
    return new FakeRangeFormat(this.context, () => this.target(), `${this.path}.format`);
  }
  get dataValidation(): FakeDataValidation {
    return new FakeDataValidation(this.context, () => this.target(), `${this.path}.dataValidation`);
  }
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.target().sheet, `${this.path}.worksheet`);
  }

  delete(shift: string): void {
    this.call('delete', [shift], () => {
      const { sheet, rect } = this.target();
      if (shift !== 'Up') throw invalidArgument('the fake only deletes with shift Up');
      deleteRows(this.context.model, sheet, rect);
    });
  }

  select(): void {
    this.call('select', [], () => {
      const { sheet, rect } = this.target();
      this.context.model.selection = { sheet: sheet.name, rect };
      this.context.model.activeSheet = sheet.name;
    });
  }

  /** For debugging tests: the address this range would resolve to now. */
  describe(): string {
    const { sheet, rect } = this.target();
    return `${sheet.name}!${formatRect(rect)}`;
  }
}
