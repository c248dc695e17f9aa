// Notes (ExcelApi 1.18, Worksheet.notes) and comments (ExcelApi 1.10, Workbook.comments), faked.
// Both live in the sheet rows so they move with the rows, as in Excel. Using either on a host
// without its requirement set fails the request with ApiNotFound, which is what makes the port's
// feature detection testable.

import { parseAddress, qualify } from './fake-a1';
import {
  FakeCollection,
  FakeNullable,
  FakeObject,
  FakeOfficeError,
  invalidArgument,
  notFound,
} from './fake-core';
import type { SheetModel } from './fake-model';
import { FakeRange } from './fake-range';

type Kind = 'notes' | 'comments';
interface Spot {
  sheet: SheetModel;
  row: number;
  column: number;
}

function read(spot: Spot, kind: Kind): string | undefined {
  return spot.sheet.rows[spot.row]?.[kind]?.[spot.column];
}

function write(spot: Spot, kind: Kind, content: string | undefined): void {
  (spot.sheet.row(spot.row)[kind] ??= [])[spot.column] = content;
}

function spotsOf(sheets: readonly SheetModel[], kind: Kind): Spot[] {
  const spots: Spot[] = [];
  for (const sheet of sheets) {
    sheet.rows.forEach((row, r) =>
      row?.[kind]?.forEach((content, c) => {
        if (content !== undefined) spots.push({ sheet, row: r, column: c });
      }),
    );
  }
  return spots;
}

/** A note or a comment; `content` is the text. */
class FakeAnnotation extends FakeNullable {
  protected readonly scalarProperties = ['content'];
  constructor(
    context: FakeObject['context'],
    private readonly spot: () => Spot,
    private readonly kind: Kind,
    path: string,
  ) {
    super(context, path);
  }
  private existing(): Spot {
    const spot = this.spot();
    if (read(spot, this.kind) === undefined) throw notFound(`${this.kind} at ${this.path}`);
    return spot;
  }
  protected readProperty(name: string): unknown {
    if (name === 'content') return read(this.existing(), this.kind);
    if (name === 'id') return this.path;
    throw invalidArgument(`${this.kind} item has no property ${name}`);
  }
  get content(): string {
    return this.get('content');
  }
  set content(content: string) {
    this.setProperty('content', content, (c) => {
      write(this.existing(), this.kind, c);
    });
  }
  delete(): void {
    this.call('delete', [], () => {
      write(this.existing(), this.kind, undefined);
    });
  }
  getLocation(): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const spot = this.existing();
        return {
          sheet: spot.sheet,
          rect: { row: spot.row, column: spot.column, rowCount: 1, columnCount: 1 },
        };
      },
      `${this.path}.location`,
    );
  }
}

abstract class FakeAnnotationCollection extends FakeCollection<FakeAnnotation> {
  protected abstract readonly kind: Kind;
  protected abstract readonly minor: number;
  protected abstract sheets(): SheetModel[];
  /** Resolves an address ("C5" on this sheet, or "Sheet!C5") to a cell. */
  protected abstract locate(address: string): Spot;

  protected currentItems(): FakeAnnotation[] {
    return spotsOf(this.sheets(), this.kind).map(
      (spot) =>
        new FakeAnnotation(
          this.context,
          () => spot,
          this.kind,
          `${this.kind}(${qualify(spot.sheet.name, { row: spot.row, column: spot.column, rowCount: 1, columnCount: 1 })})`,
        ),
    );
  }

  override load(argument?: string | string[]): this {
    this.requireApi(this.minor, `${this.kind}.load`);
    return super.load(argument);
  }

  add(cellAddress: string | FakeRange, content: string): FakeAnnotation {
    this.requireApi(this.minor, `${this.kind}.add`);
    const spot = (): Spot =>
      typeof cellAddress === 'string' ? this.locate(cellAddress) : rangeSpot(cellAddress);
    this.call(
      'add',
      [typeof cellAddress === 'string' ? cellAddress : cellAddress.path, content],
      () => {
        const target = spot();
        if (read(target, this.kind) !== undefined) {
          throw new FakeOfficeError(
            'InvalidArgument',
            `the cell already has ${this.kind === 'notes' ? 'a note' : 'a comment'}`,
          );
        }
        write(target, this.kind, content);
      },
    );
    return new FakeAnnotation(this.context, spot, this.kind, `${this.path}.added`);
  }
}

function rangeSpot(range: FakeRange): Spot {
  const { sheet, rect } = range.target();
  return { sheet, row: rect.row, column: rect.column };
}

export class FakeNoteCollection extends FakeAnnotationCollection {
  protected readonly kind = 'notes';
  protected readonly minor = 18;
  constructor(
    context: FakeObject['context'],
    private readonly sheet: () => SheetModel,
    path: string,
  ) {
    super(context, path);
  }
  protected sheets(): SheetModel[] {
    return [this.sheet()];
  }
  protected locate(address: string): Spot {
    const { rect } = parseAddress(address);
    return { sheet: this.sheet(), row: rect.row, column: rect.column };
  }
  getItemOrNullObject(key: string): FakeAnnotation {
    this.requireApi(18, 'notes.getItemOrNullObject');
    const item = new FakeAnnotation(
      this.context,
      () => this.locate(key),
      'notes',
      `${this.path}?(${key})`,
    );
    item.watchExists(() => read(this.locate(key), 'notes') !== undefined);
    return item;
  }
}

export class FakeCommentCollection extends FakeAnnotationCollection {
  protected readonly kind = 'comments';
  protected readonly minor = 10;
  protected sheets(): SheetModel[] {
    return this.context.model.sheets;
  }
  protected locate(address: string): Spot {
    const { sheet, rect } = parseAddress(address);
    const model = sheet === null ? undefined : this.context.model.findSheet(sheet);
    if (!model) throw invalidArgument(`comment address needs a sheet: ${address}`);
    return { sheet: model, row: rect.row, column: rect.column };
  }
}
