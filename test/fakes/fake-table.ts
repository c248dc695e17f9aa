// Excel.Table and its columns and rows, faked. Header names live in the sheet's header cells, as
// in Excel; rows.add inserts sheet rows under the table and carries the formats of the row above
// (Excel extends a table column's formatting to new rows).

import { parseAddress } from './fake-a1';
import { enterInput, type FakeCellValue } from './fake-cells';
import { FakeCollection, FakeNullable, FakeObject, invalidArgument, notFound } from './fake-core';
import { tableHeaders, type SheetModel, type TableModel } from './fake-model';
import { insertRows } from './fake-range-ops';
import { FakeRange } from './fake-range';
import { FakeWorksheet } from './fake-sheet';

type ResolveTable = () => TableModel;

export class FakeTable extends FakeNullable {
  protected readonly scalarProperties = ['name', 'id'];
  constructor(
    context: FakeObject['context'],
    readonly resolve: ResolveTable,
    path: string,
  ) {
    super(context, path);
  }
  protected readProperty(name: string): unknown {
    if (name === 'name' || name === 'id') return this.resolve().name;
    throw invalidArgument(`Table has no property ${name}`);
  }
  get name(): string {
    return this.get('name');
  }
  set name(name: string) {
    this.setProperty('name', name, (n) => {
      this.resolve().name = n;
    });
  }

  private range(
    label: string,
    pick: (t: TableModel) => { row: number; rowCount: number },
  ): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const t = this.resolve();
        const { row, rowCount } = pick(t);
        return {
          sheet: t.sheet,
          rect: { row, column: t.column, rowCount, columnCount: t.columnCount },
        };
      },
      `${this.path}.${label}`,
    );
  }
  getRange(): FakeRange {
    return this.range('range', (t) => ({ row: t.row, rowCount: t.bodyCount + 1 }));
  }
  getHeaderRowRange(): FakeRange {
    return this.range('header', (t) => ({ row: t.row, rowCount: 1 }));
  }
  getDataBodyRange(): FakeRange {
    return this.range('body', (t) => ({ row: t.row + 1, rowCount: t.bodyCount }));
  }

  get columns(): FakeTableColumnCollection {
    return new FakeTableColumnCollection(this.context, this.resolve, `${this.path}.columns`);
  }
  get rows(): FakeTableRowCollection {
    return new FakeTableRowCollection(this.context, this.resolve, `${this.path}.rows`);
  }
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.resolve().sheet, `${this.path}.worksheet`);
  }
}

export class FakeTableCollection extends FakeCollection<FakeTable> {
  /** `scope` limits the collection to one sheet (Worksheet.tables); null is Workbook.tables. */
  constructor(
    context: FakeObject['context'],
    private readonly scope: (() => SheetModel) | null,
    path: string,
  ) {
    super(context, path);
  }
  protected currentItems(): FakeTable[] {
    const sheet = this.scope?.();
    return this.context.model.tables
      .filter((t) => sheet === undefined || t.sheet === sheet)
      .map((t) => new FakeTable(this.context, () => t, `tables(${t.name})`));
  }
  private byName(name: string): ResolveTable {
    return () => {
      const table = this.context.model.findTable(name);
      if (!table) throw notFound(`table ${name}`);
      return table;
    };
  }
  getItem(name: string): FakeTable {
    return new FakeTable(this.context, this.byName(name), `tables(${name})`);
  }
  getItemOrNullObject(name: string): FakeTable {
    const table = new FakeTable(this.context, this.byName(name), `tables?(${name})`);
    table.watchExists(() => this.context.model.findTable(name) !== undefined);
    return table;
  }
  add(address: string, hasHeaders: boolean): FakeTable {
    const model = this.context.model;
    let created: TableModel | null = null;
    this.call('add', [address, hasHeaders], () => {
      if (!hasHeaders) throw invalidArgument('the fake creates tables from ranges with headers');
      const parsed = parseAddress(address);
      const sheetName = parsed.sheet ?? this.scope?.().name ?? model.activeSheet ?? '';
      created = model.addTable(sheetName, address);
      fillBlankHeaders(created);
    });
    return new FakeTable(
      this.context,
      () => {
        if (!created) throw notFound('table being added');
        return created;
      },
      `tables.add(${address})`,
    );
  }
}

/** Excel names empty header cells Column1, Column2… */
function fillBlankHeaders(table: TableModel): void {
  const headers = tableHeaders(table);
  headers.forEach((h, i) => {
    if (h === '') table.sheet.row(table.row).values[table.column + i] = `Column${i + 1}`;
  });
}

export class FakeTableColumn extends FakeNullable {
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
      if (index !== null && index !== undefined)
        throw invalidArgument('the fake appends table rows only');
      const rows = values ?? [[]];
      if (values?.some((r) => r.length !== t.columnCount))
        throw invalidArgument('row width does not match the table');
      const at = t.row + 1 + t.bodyCount;
      insertRows(t.sheet, at, rows.length);
      rows.forEach((row, i) =>
        row.forEach((v, j) => {
          enterInput(t.sheet.row(at + i), t.column + j, v, t.sheet.format(at + i, t.column + j));
        }),
      );
      t.bodyCount += rows.length;
      for (const other of this.context.model.tables)
        if (other !== t && other.sheet === t.sheet && other.row >= at) other.row += rows.length;
    });
  }
}
