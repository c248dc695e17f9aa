// Parts hanging off a fake Range: format/fill, data validation, the visible view (1.3), and merged
// areas (1.13).

import { intersects, qualify } from './fake-a1';
import { FakeNullable, FakeObject, invalidArgument } from './fake-core';
import type { RangeTarget } from './fake-range';

type Resolve = () => RangeTarget;

function eachCell(t: RangeTarget, visit: (r: number, c: number) => void): void {
  for (let r = t.rect.row; r < t.rect.row + t.rect.rowCount; r += 1) {
    for (let c = t.rect.column; c < t.rect.column + t.rect.columnCount; c += 1) visit(r, c);
  }
}

class FakeRangeFill extends FakeObject {
  protected readonly scalarProperties = ['color'];
  constructor(
    context: FakeObject['context'],
    private readonly target: Resolve,
    path: string,
  ) {
    super(context, path);
  }
  protected readProperty(name: string): unknown {
    if (name !== 'color') throw invalidArgument(`RangeFill has no property ${name}`);
    const t = this.target();
    const colors = new Set<string | undefined>();
    eachCell(t, (r, c) => colors.add(t.sheet.fill(r, c)));
    return colors.size === 1 ? ([...colors][0] ?? '#FFFFFF') : null;
  }
  get color(): string {
    return this.get('color');
  }
  set color(color: string) {
    this.setProperty('color', color, (value) => {
      const t = this.target();
      eachCell(t, (r, c) => {
        (t.sheet.row(r).fills ??= [])[c] = value;
      });
    });
  }
  clear(): void {
    this.call('clear', [], () => {
      const t = this.target();
      eachCell(t, (r, c) => {
        const fills = t.sheet.rows[r]?.fills;
        if (fills) fills[c] = undefined;
      });
    });
  }
}

export class FakeRangeFormat extends FakeObject {
  protected readonly scalarProperties: string[] = [];
  constructor(
    context: FakeObject['context'],
    private readonly target: Resolve,
    path: string,
  ) {
    super(context, path);
  }
  protected readProperty(name: string): unknown {
    throw invalidArgument(`RangeFormat property ${name} is not faked`);
  }
  get fill(): FakeRangeFill {
    return new FakeRangeFill(this.context, this.target, `${this.path}.fill`);
  }
  autofitColumns(): void {
    this.call('autofitColumns', [], () => undefined);
  }
}

export class FakeDataValidation extends FakeObject {
  protected readonly scalarProperties = ['rule'];
  constructor(
    context: FakeObject['context'],
    private readonly target: Resolve,
    path: string,
  ) {
    super(context, path);
  }
  protected readProperty(name: string): unknown {
    if (name !== 'rule') throw invalidArgument(`DataValidation has no property ${name}`);
    const t = this.target();
    return t.sheet.validations.find((v) => intersects(v.rect, t.rect))?.rule ?? {};
  }
  get rule(): unknown {
    return this.get('rule');
  }
  set rule(rule: unknown) {
    this.setProperty('rule', rule, (value) => {
      const t = this.target();
      t.sheet.validations.push({ rect: t.rect, rule: structuredClone(value) });
    });
  }
  clear(): void {
    this.call('clear', [], () => {
      const t = this.target();
      const keep = t.sheet.validations.filter((v) => !intersects(v.rect, t.rect));
      t.sheet.validations.splice(0, t.sheet.validations.length, ...keep);
    });
  }
}

/** Range.getVisibleView(): the rows and columns not hidden. */
export class FakeRangeView extends FakeObject {
  protected readonly scalarProperties = ['cellAddresses', 'rowCount', 'values'];
  constructor(
    context: FakeObject['context'],
    private readonly target: Resolve,
    path: string,
  ) {
    super(context, path);
  }
  protected readProperty(name: string): unknown {
    const t = this.target();
    const rows: number[] = [];
    for (let r = t.rect.row; r < t.rect.row + t.rect.rowCount; r += 1)
      if (!t.sheet.rows[r]?.hidden) rows.push(r);
    const columns: number[] = [];
    for (let c = t.rect.column; c < t.rect.column + t.rect.columnCount; c += 1)
      if (!t.sheet.hiddenColumns.has(c)) columns.push(c);
    const one = { row: 0, column: 0, rowCount: 1, columnCount: 1 };
    if (name === 'rowCount') return rows.length;
    if (name === 'cellAddresses')
      return rows.map((r) =>
        columns.map((c) => qualify(t.sheet.name, { ...one, row: r, column: c })),
      );
    if (name === 'values') return rows.map((r) => columns.map((c) => t.sheet.value(r, c) ?? ''));
    throw invalidArgument(`RangeView has no property ${name}`);
  }
  get cellAddresses(): string[][] {
    return this.get('cellAddresses');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
}

/** Range.getMergedAreasOrNullObject(): null when no merged area touches the range. */
export class FakeRangeAreas extends FakeNullable {
  protected readonly scalarProperties = ['address', 'areaCount'];
  constructor(
    context: FakeObject['context'],
    private readonly target: Resolve,
    path: string,
  ) {
    super(context, path);
    this.watchExists(() => this.areas().length > 0);
  }
  private areas(): string[] {
    const t = this.target();
    return t.sheet.merged.filter((m) => intersects(m, t.rect)).map((m) => qualify(t.sheet.name, m));
  }
  protected readProperty(name: string): unknown {
    if (name === 'address') return this.areas().join(',');
    if (name === 'areaCount') return this.areas().length;
    throw invalidArgument(`RangeAreas has no property ${name}`);
  }
  get address(): string {
    return this.get('address');
  }
}
