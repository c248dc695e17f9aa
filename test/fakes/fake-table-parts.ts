// Table columns and rows, faked (split from fake-table.ts to keep files small).

import { enterInput, type FakeCellValue } from './fake-cells';
import { FakeCollection, FakeNullable, FakeObject, invalidArgument, notFound } from './fake-core';
import { tableHeaders, type TableModel } from './fake-model';
import { insertRows } from './fake-range-ops';
import { FakeRange } from './fake-range';

type ResolveTable = () => TableModel;

class FakeTableColumn extends FakeNullable {
  protected readonly scalarProperties = ['name', 'index'];
  constructor(
    context: FakeObject['context'],
    private readonly table: ResolveTable,
    private readonly position: () => number,
    path: string,
  ) {
    super(context, path);
  }
  protected readProperty(name: string): unknown {
    if (name === 'name') return tableHeaders(this.table())[this.position()];
    if (name === 'index') return this.position();
    throw invalidArgument(`TableColumn has no property ${name}`);
  }
  get name(): string {
    return this.get('name');
  }
  get index(): number {
    return this.get('index');
  }
  private range(label: string, body: boolean): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const t = this.table();
        const rect = {
          row: body ? t.row + 1 : t.row,
          column: t.column + this.position(),
          rowCount: body ? t.bodyCount : t.bodyCount + 1,
          columnCount: 1,
        };
        return { sheet: t.sheet, rect };
      },
      `${this.path}.${label}`,
    );
  }
  getRange(): FakeRange {
    return this.range('range', false);
  }
  getDataBodyRange(): FakeRange {
    return this.range('body', true);
  }
}

export class FakeTableColumnCollection extends FakeCollection<FakeTableColumn> {
  constructor(
    context: FakeObject['context'],
    private readonly table: ResolveTable,
    path: string,
  ) {
    super(context, path);
  }
  protected currentItems(): FakeTableColumn[] {
    return tableHeaders(this.table()).map(
      (h, i) => new FakeTableColumn(this.context, this.table, () => i, `${this.path}(${h})`),
    );
  }
  private indexOf(name: string): () => number {
    return () => {
      const index = tableHeaders(this.table()).indexOf(name);
      if (index < 0) throw notFound(`table column ${name}`);
      return index;
    };
  }
  getItem(name: string): FakeTableColumn {
    return new FakeTableColumn(
      this.context,
      this.table,
      this.indexOf(name),
      `${this.path}(${name})`,
    );
  }
  getItemOrNullObject(name: string): FakeTableColumn {
    const column = new FakeTableColumn(
      this.context,
      this.table,
      this.indexOf(name),
      `${this.path}?(${name})`,
    );
    column.watchExists(() => tableHeaders(this.table()).includes(name));
    return column;
  }
  /** Adds a column at the right end (index null) with an optional name (ExcelApi 1.4). */
  add(
    index: number | null = null,
    values: FakeCellValue[][] | null = null,
    name?: string,
  ): FakeTableColumn {
    if (name !== undefined) this.requireApi(4, 'TableColumnCollection.add with a name');
    this.call('add', [index, values, name ?? null], () => {
      const t = this.table();
      if (index !== null && index !== t.columnCount)
        throw invalidArgument('the fake adds columns at the right end only');
      const column = t.column + t.columnCount;
      t.columnCount += 1;
      const header = name ?? `Column${t.columnCount}`;
      t.sheet.row(t.row).values[column] = header;
      values?.slice(1).forEach((row, i) => {
        enterInput(t.sheet.row(t.row + 1 + i), column, row[0] ?? null, 'General');
      });
    });
    return new FakeTableColumn(
      this.context,
      this.table,
      () => this.table().columnCount - 1,
      `${this.path}.added`,
    );
  }
}

export class FakeTableRowCollection extends FakeObject {
  protected readonly scalarProperties = ['count'];
  constructor(
    context: FakeObject['context'],
    private readonly table: ResolveTable,
    path: string,
  ) {
    super(context, path);
  }
  protected readProperty(name: string): unknown {
    if (name === 'count') return this.table().bodyCount;
    throw invalidArgument(`TableRowCollection has no property ${name}`);
  }
  get count(): number {
    return this.get('count');
  }
  /** Appends rows (index null) holding `values`; Excel parses them like typed input. */
  add(index: number | null = null, values?: FakeCellValue[][]): void {
    this.call('add', [index, values ?? null], () => {
      const t = this.table();
      if (index !== null) throw invalidArgument('the fake appends table rows only');
      const rows = values ?? [[]];
      if (values?.some((r) => r.length !== t.columnCount))
        throw invalidArgument('row width does not match the table');
      const at = t.row + 1 + t.bodyCount;
      insertRows(t.sheet, at, rows.length);
      rows.forEach((row, i) => {
        row.forEach((v, j) => {
          enterInput(t.sheet.row(at + i), t.column + j, v, t.sheet.format(at + i, t.column + j));
        });
      });
      t.bodyCount += rows.length;
      for (const other of this.context.model.tables)
        if (other !== t && other.sheet === t.sheet && other.row >= at) other.row += rows.length;
    });
  }
}
