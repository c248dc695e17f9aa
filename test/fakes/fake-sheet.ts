// Excel.Worksheet and Excel.WorksheetCollection, faked.

import { parseAddress, type FakeRect } from './fake-a1';
import {
  FakeCollection,
  FakeNullable,
  FakeObject,
  FakeOfficeError,
  invalidArgument,
  notFound,
} from './fake-core';
import { SheetModel, type Visibility } from './fake-model';
import { FakeNoteCollection } from './fake-notes';
import { FakePivotTableCollection } from './fake-pivot';
import { FakeRange } from './fake-range';
import { FakeTableCollection } from './fake-table';

type ResolveSheet = () => SheetModel;

export class FakeWorksheet extends FakeNullable {
  protected readonly scalarProperties = ['name', 'visibility', 'position'];

  constructor(
    context: FakeObject['context'],
    readonly resolve: ResolveSheet,
    path: string,
  ) {
    super(context, path);
  }

  protected readProperty(name: string): unknown {
    const sheet = this.resolve();
    if (name === 'name') return sheet.name;
    if (name === 'visibility') return sheet.visibility;
    if (name === 'position') return this.context.model.sheets.indexOf(sheet);
    throw invalidArgument(`Worksheet has no property ${name}`);
  }

  get name(): string {
    return this.get('name');
  }
  set name(name: string) {
    this.setProperty('name', name, (n) => {
      this.resolve().name = n;
    });
  }
  get visibility(): Visibility {
    return this.get('visibility');
  }
  set visibility(visibility: Visibility) {
    this.setProperty('visibility', visibility, (v) => {
      this.resolve().visibility = v;
    });
  }

  getRange(address: string): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const parsed = parseAddress(address);
        const rect: FakeRect = parsed.rect;
        return { sheet: this.resolve(), rect };
      },
      `${this.path}.range(${address})`,
    );
  }

  get tables(): FakeTableCollection {
    return new FakeTableCollection(this.context, () => this.resolve(), `${this.path}.tables`);
  }

  get notes(): FakeNoteCollection {
    return new FakeNoteCollection(this.context, this.resolve, `${this.path}.notes`);
  }

  get pivotTables(): FakePivotTableCollection {
    return new FakePivotTableCollection(this.context, this.resolve, `${this.path}.pivotTables`);
  }

  activate(): void {
    this.call('activate', [], () => {
      this.context.model.activeSheet = this.resolve().name;
    });
  }
}

export class FakeWorksheetCollection extends FakeCollection<FakeWorksheet> {
  protected currentItems(): FakeWorksheet[] {
    return this.context.model.sheets.map(
      (s) => new FakeWorksheet(this.context, () => s, `worksheets(${s.name})`),
    );
  }

  private byName(name: string): ResolveSheet {
    return () => {
      const sheet = this.context.model.findSheet(name);
      if (!sheet) throw notFound(`worksheet ${name}`);
      return sheet;
    };
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, this.byName(name), `worksheets(${name})`);
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    const sheet = new FakeWorksheet(this.context, this.byName(name), `worksheets?(${name})`);
    sheet.watchExists(() => this.context.model.findSheet(name) !== undefined);
    return sheet;
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      () => {
        const name = this.context.model.activeSheet;
        const sheet = name === null ? undefined : this.context.model.findSheet(name);
        if (!sheet) throw notFound('active worksheet');
        return sheet;
      },
      'worksheets.active',
    );
  }

  add(name: string): FakeWorksheet {
    this.call('add', [name], () => {
      if (this.context.model.findSheet(name)) {
        throw new FakeOfficeError('ItemAlreadyExists', `A worksheet named ${name} already exists.`);
      }
      this.context.model.sheets.push(new SheetModel(name));
    });
    return this.getItem(name);
  }
}
