// PivotTables (ExcelApi 1.8), faked: records the source table and the fields placed in rows,
// columns and values, and rejects fields the source does not have.

import { FakeObject, invalidArgument, notFound } from './fake-core';
import type { PivotModel, SheetModel } from './fake-model';
import { tableHeaders } from './fake-model';
import type { FakeRange } from './fake-range';
import type { FakeTable } from './fake-table';

export class FakeHierarchy {
  constructor(readonly name: string) {}
}

class FakeHierarchyList extends FakeObject {
  protected readonly scalarProperties: string[] = [];
  constructor(
    context: FakeObject['context'],
    private readonly pivot: () => PivotModel,
    private readonly slot: 'rows' | 'columns' | 'values' | null,
    path: string,
  ) {
    super(context, path);
  }
  protected readProperty(name: string): unknown {
    throw invalidArgument(`hierarchy list property ${name} is not faked`);
  }
  getItem(name: string): FakeHierarchy {
    return new FakeHierarchy(name);
  }
  add(hierarchy: FakeHierarchy): FakeHierarchy {
    this.call('add', [hierarchy.name], () => {
      const pivot = this.pivot();
      const source = this.context.model.findTable(pivot.sourceTable);
      if (!source || !tableHeaders(source).includes(hierarchy.name))
        throw notFound(`pivot field ${hierarchy.name}`);
      if (this.slot) pivot[this.slot].push(hierarchy.name);
    });
    return hierarchy;
  }
}

export class FakePivotTable extends FakeObject {
  protected readonly scalarProperties = ['name'];
  constructor(
    context: FakeObject['context'],
    private readonly pivot: () => PivotModel,
    path: string,
  ) {
    super(context, path);
  }
  protected readProperty(name: string): unknown {
    if (name === 'name') return this.pivot().name;
    throw invalidArgument(`PivotTable has no property ${name}`);
  }
  get hierarchies(): FakeHierarchyList {
    return new FakeHierarchyList(this.context, this.pivot, null, `${this.path}.hierarchies`);
  }
  get rowHierarchies(): FakeHierarchyList {
    return new FakeHierarchyList(this.context, this.pivot, 'rows', `${this.path}.rows`);
  }
  get columnHierarchies(): FakeHierarchyList {
    return new FakeHierarchyList(this.context, this.pivot, 'columns', `${this.path}.columns`);
  }
  get dataHierarchies(): FakeHierarchyList {
    return new FakeHierarchyList(this.context, this.pivot, 'values', `${this.path}.values`);
  }
}

export class FakePivotTableCollection extends FakeObject {
  protected readonly scalarProperties: string[] = [];
  constructor(
    context: FakeObject['context'],
    private readonly sheet: () => SheetModel,
    path: string,
  ) {
    super(context, path);
  }
  protected readProperty(name: string): unknown {
    throw invalidArgument(`PivotTableCollection property ${name} is not faked`);
  }
  add(
    name: string,
    source: FakeTable | FakeRange | string,
    destination: FakeRange | string,
  ): FakePivotTable {
    this.requireApi(8, 'PivotTableCollection.add');
    const pivots = this.context.model.pivots;
    this.call(
      'add',
      [
        name,
        typeof source === 'string' ? source : source.path,
        typeof destination === 'string' ? destination : destination.path,
      ],
      () => {
        if (typeof source === 'string' || !('columns' in source))
          throw invalidArgument('the fake builds pivots from tables');
        pivots.push({
          name,
          sheetName: this.sheet().name,
          sourceTable: source.resolve().name,
          rows: [],
          columns: [],
          values: [],
        });
      },
    );
    return new FakePivotTable(
      this.context,
      () => {
        const pivot = pivots.find((p) => p.name === name);
        if (!pivot) throw notFound(`pivot ${name}`);
        return pivot;
      },
      `pivots(${name})`,
    );
  }
}
