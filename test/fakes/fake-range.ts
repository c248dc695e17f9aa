// Excel.Range, faked over the sheet model. A range resolves its sheet and rectangle when its
// operations run (at sync), so a body range of a table sees rows added earlier in the batch.

import { formatRect, type FakeRect } from './fake-a1';
import type { FakeCellValue } from './fake-cells';
import { FakeObject, invalidArgument } from './fake-core';
import {
  readRangeProperty,
  writeColumnHidden,
  writeFormats,
  writeFormulas,
  writeRowHidden,
  writeValues,
  type RangeTarget,
} from './fake-range-cells';
import { deleteRows, surroundingRegion } from './fake-range-ops';
import {
  FakeDataValidation,
  FakeRangeFormat,
  FakeRangeAreas,
  FakeRangeView,
} from './fake-range-parts';
import { FakeWorksheet } from './fake-sheet';

export type { RangeTarget };

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

  protected readProperty(name: string): unknown {
    return readRangeProperty(this.target(), name);
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
  set values(value: FakeCellValue[][]) {
    this.setProperty('values', value, (v) => {
      writeValues(this.target(), v);
    });
  }

  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  set formulas(value: unknown[][]) {
    this.setProperty('formulas', value, (v) => {
      writeFormulas(this.target(), v);
    });
  }

  get numberFormat(): string[][] {
    return this.get('numberFormat');
  }
  set numberFormat(value: (string | null)[][]) {
    this.setProperty('numberFormat', value, (v) => {
      writeFormats(this.target(), v);
    });
  }

  get rowHidden(): boolean | null {
    return this.get('rowHidden');
  }
  set rowHidden(value: boolean | null) {
    this.setProperty('rowHidden', value, (v) => {
      writeRowHidden(this.target(), v);
    });
  }

  get columnHidden(): boolean {
    return this.get('columnHidden');
  }
  set columnHidden(value: boolean) {
    this.setProperty('columnHidden', value, (v) => {
      writeColumnHidden(this.target(), v);
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
