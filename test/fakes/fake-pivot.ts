// PivotTables (ExcelApi 1.8), faked: records the source table and the fields placed in rows,
// columns and values, and rejects fields the source does not have.

import { FakeObject, invalidArgument, notFound } from './fake-core';
import type { PivotModel, SheetModel } from './fake-model';
import { tableHeaders } from './fake-model';
import type { FakeRange } from './fake-range';
import type { FakeTable } from './fake-table';

class FakeHierarchy {
  constructor(readonly name: string) {}
}

/** A pivot field; applyFilter (ExcelApi 1.12) keeps the manual filter's items. */
class FakePivotField extends FakeObject {
  protected readonly scalarProperties = ['name'];
  constructor(
    context: FakeObject['context'],
    private readonly pivot: () => PivotModel,
    readonly name: string,
  ) {
    super(context, `pivotField(${name})`);
  }
  protected readProperty(name: string): unknown {
    if (name === 'name') return this.name;
    throw invalidArgument(`PivotField property ${name} is not faked`);
  }
  applyFilter(filter: { manualFilter?: { selectedItems: string[] } }): void {
    this.requireApi(12, 'PivotField.applyFilter');
    this.call('applyFilter', [filter], () => {
      const items = filter.manualFilter?.selectedItems;
      if (!items) throw invalidArgument('the fake applies manual filters only');
      const entry = this.pivot().filters.find((f) => f.field === this.name);
      if (!entry) throw invalidArgument(`${this.name} is not in the filter area`);
      entry.items = [...items];
    });
  }
}

/** What filterHierarchies.add answers: a hierarchy whose fields can be filtered. */
class FakeFilterHierarchy extends FakeHierarchy {
  constructor(
    name: string,
    private readonly context: FakeObject['context'],
    private readonly pivot: () => PivotModel,
  ) {
    super(name);
  }
  get fields(): { getItem: (name: string) => FakePivotField } {
    return { getItem: (name) => new FakePivotField(this.context, this.pivot, name) };
  }
}

class FakeHierarchyList extends FakeObject {
  protected readonly scalarProperties: string[] = [];
  constructor(
    context: FakeObject['context'],
    private readonly pivot: () => PivotModel,
    private readonly slot: 'rows' | 'columns' | 'values' | 'filters' | null,
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
      if (this.slot === 'filters') pivot.filters.push({ field: hierarchy.name, items: [] });
      else if (this.slot) pivot[this.slot].push(hierarchy.name);
    });
    return this.slot === 'filters'
      ? new FakeFilterHierarchy(hierarchy.name, this.context, this.pivot)
      : hierarchy;
  }
}

class FakePivotTable extends FakeObject {
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
  get filterHierarchies(): FakeHierarchyList {
    return new FakeHierarchyList(this.context, this.pivot, 'filters', `${this.path}.filters`);
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
          filters: [],
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
