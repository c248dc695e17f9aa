// The request model of Office.js, faked: proxies queue operations; context.sync() sends them as
// one request. Like Office: reading a property before load() + sync() throws PropertyNotLoaded;
// each sync is counted and its payload (the JSON of the queued operations) measured; a request
// over the limit fails with RequestPayloadSizeLimitExceeded and applies nothing; an operation the
// host's requirement set lacks fails the request with ApiNotFound.

import type { FakeWorkbook } from './fake-workbook-model';

export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string };

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message };
  }
}

export function notFound(what: string): FakeOfficeError {
  return new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist: ${what}`);
}

export function invalidArgument(message: string): FakeOfficeError {
  return new FakeOfficeError('InvalidArgument', message);
}

interface Operation {
  readonly json: unknown;
  readonly apply: () => void;
}

export class FakeContext {
  private queue: Operation[] = [];
  /** Set by Excel.run; typed loosely here to keep this module free of the proxy classes. */
  workbook: unknown = null;

  constructor(readonly model: FakeWorkbook) {}

  enqueue(json: unknown, apply: () => void): void {
    this.queue.push({ json, apply });
  }

  get pendingOperations(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    await Promise.resolve();
    const operations = this.queue;
    this.queue = [];
    const bytes = new TextEncoder().encode(JSON.stringify(operations.map((o) => o.json))).length;
    const injected = this.model.injectedFailures.shift();
    const rejected = bytes > this.model.requestLimitBytes || injected !== undefined;
    this.model.syncLog.push({ bytes, operations: operations.length, rejected });
    if (injected !== undefined) throw new FakeOfficeError(injected, `injected ${injected}`);
    if (rejected) {
      throw new FakeOfficeError(
        'RequestPayloadSizeLimitExceeded',
        `The request payload size (${bytes} bytes) has exceeded the limit.`,
      );
    }
    for (const operation of operations) operation.apply();
  }
}

type LoadArgument = string | string[] | { select?: string } | undefined;

function propertyNames(argument: LoadArgument, all: readonly string[]): string[] {
  if (argument === undefined) return [...all];
  const text = Array.isArray(argument)
    ? argument.join(',')
    : typeof argument === 'string'
      ? argument
      : (argument.select ?? '');
  const names = text
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '');
  return names.length > 0 ? names : [...all];
}

/** Base of every fake proxy object. */
export abstract class FakeObject {
  protected readonly loaded = new Map<string, unknown>();

  constructor(
    readonly context: FakeContext,
    readonly path: string,
  ) {}

  /** Scalar properties `load()` with no argument fetches. */
  protected abstract readonly scalarProperties: readonly string[];

  /** Reads a property from the model, at sync time. Unknown names fail like Excel's. */
  protected abstract readProperty(name: string): unknown;

  load(argument?: LoadArgument): this {
    const names = propertyNames(argument, this.scalarProperties);
    this.context.enqueue({ path: this.path, load: names }, () => {
      this.prime(names);
    });
    return this;
  }

  /** Fills loaded values now (used by collections that load their items at sync time). */
  prime(names: readonly string[]): void {
    const list = names.length > 0 ? names : this.scalarProperties;
    for (const name of list) this.loaded.set(name, this.readProperty(name));
  }

  // The type parameter lets each getter name its property's type, as Office's typed getters do.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
  protected get<T>(name: string): T {
    if (!this.loaded.has(name)) {
      throw new FakeOfficeError(
        'PropertyNotLoaded',
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loaded.get(name) as T;
  }

  /** Office.js keeps a value set locally readable; the write itself goes with the next sync. */
  protected setProperty<T>(name: string, value: T, apply: (value: T) => void): void {
    this.loaded.set(name, value);
    this.context.enqueue({ path: this.path, set: name, value }, () => {
      apply(value);
    });
  }

  protected call(method: string, args: readonly unknown[], apply: () => void): void {
    this.context.enqueue({ path: this.path, call: method, args }, apply);
  }

  /** Fails the request at sync time when the host lacks ExcelApi 1.`minor`. */
  protected requireApi(minor: number, what: string): void {
    if (this.context.model.apiMinor >= minor) return;
    this.context.enqueue({ path: this.path, requires: `ExcelApi 1.${minor}` }, () => {
      throw new FakeOfficeError('ApiNotFound', `${what} needs ExcelApi 1.${minor}`);
    });
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

/** An *OrNullObject proxy: isNullObject is known after the next sync. */
export abstract class FakeNullable extends FakeObject {
  watchExists(exists: () => boolean): void {
    this.context.enqueue({ path: this.path, load: ['isNullObject'] }, () => {
      this.loaded.set('isNullObject', !exists());
    });
  }

  get isNullObject(): boolean {
    return this.get<boolean>('isNullObject');
  }
}

/** A collection proxy: `load('name')` or `load('items/name')` loads every item's properties. */
export abstract class FakeCollection<T extends FakeObject> extends FakeObject {
  protected readonly scalarProperties = ['items'];
  private loadedItems: T[] | null = null;

  /** Proxies for the model's items, built at sync time. */
  protected abstract currentItems(): T[];

  protected readProperty(name: string): unknown {
    throw invalidArgument(`collection property ${name} is loaded through items`);
  }

  override load(argument?: LoadArgument): this {
    const names = propertyNames(argument, [])
      .map((n) => n.replace(/^items\//, ''))
      .filter((n) => n !== 'items');
    this.context.enqueue({ path: this.path, load: names }, () => {
      const items = this.currentItems();
      for (const item of items) item.prime(names);
      this.loadedItems = items;
    });
    return this;
  }

  get items(): T[] {
    if (!this.loadedItems) return this.get<T[]>('items');
    return this.loadedItems;
  }
}
