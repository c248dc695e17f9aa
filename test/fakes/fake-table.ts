// Excel.Table and its columns and rows, faked. Header names live in the sheet's header cells, as
// in Excel; rows.add inserts sheet rows under the table and carries the formats of the row above
// (Excel extends a table column's formatting to new rows).

import { parseAddress } from './fake-a1';
import { FakeCollection, FakeNullable, FakeObject, invalidArgument, notFound } from './fake-core';
import { tableHeaders, type SheetModel, type TableModel } from './fake-model';
import { FakeTableColumnCollection, FakeTableRowCollection } from './fake-table-parts';
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
