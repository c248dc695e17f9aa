// A fake Office host: the subset of the Excel JavaScript API and the Office globals that
// addin/excel/office-port.ts uses, behaving like Excel where it matters (see fake-core.ts).
// Plain TypeScript without Node imports so esbuild can bundle it into a page in place of
// office.js: `installFakeOffice(globalThis, { excelApi: '1.18' })`.

import { FakeContext, FakeObject, invalidArgument, notFound } from './fake-core';
import { FakeCommentCollection } from './fake-notes';
import { FakeRange } from './fake-range';
import { FakeWorksheetCollection } from './fake-sheet';
import { FakeTableCollection } from './fake-table';
import { FakeWorkbook, type FakeOfficeOptions } from './fake-workbook-model';

export {
  FakeWorkbook,
  FAKE_REQUEST_LIMIT_BYTES,
  type FakeOfficeOptions,
} from './fake-workbook-model';
export { FakeOfficeError } from './fake-core';

class FakeWorkbookProxy extends FakeObject {
  protected readonly scalarProperties = ['name'];
  protected readProperty(name: string): unknown {
    if (name === 'name') return 'Book1.xlsx';
    throw invalidArgument(`Workbook has no property ${name}`);
  }
  get worksheets(): FakeWorksheetCollection {
    return new FakeWorksheetCollection(this.context, 'worksheets');
  }
  get tables(): FakeTableCollection {
    return new FakeTableCollection(this.context, null, 'tables');
  }
  get comments(): FakeCommentCollection {
    return new FakeCommentCollection(this.context, 'comments');
  }
  getSelectedRange(): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const selection = this.context.model.selection;
        const sheet = selection ? this.context.model.findSheet(selection.sheet) : undefined;
        if (!selection || !sheet) throw notFound('selection');
        return { sheet, rect: selection.rect };
      },
      'selection',
    );
  }
}

function makeExcel(model: FakeWorkbook): Record<string, unknown> {
  return {
    run: async <T>(batch: (context: FakeContext) => Promise<T>): Promise<T> => {
      const context = new FakeContext(model);
      context.workbook = new FakeWorkbookProxy(context, 'workbook');
      const result = await batch(context);
      // Excel.run sends what the batch left queued.
      if (context.pendingOperations > 0) await context.sync();
      return result;
    },
    SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
    DeleteShiftDirection: { up: 'Up', left: 'Left' },
    ErrorCodes: {
      itemNotFound: 'ItemNotFound',
      invalidArgument: 'InvalidArgument',
      apiNotFound: 'ApiNotFound',
    },
  };
}

function makeSettings(model: FakeWorkbook): Record<string, unknown> {
  return {
    get: (name: string): unknown => structuredClone(model.settings.get(name) ?? null),
    set: (name: string, value: unknown): void => {
      model.settings.set(name, structuredClone(value));
    },
    remove: (name: string): void => {
      model.settings.delete(name);
    },
    saveAsync: (callback?: (result: { status: string }) => void): void => {
      model.savedSettings.clear();
      for (const [key, value] of model.settings)
        model.savedSettings.set(key, structuredClone(value));
      queueMicrotask(() => callback?.({ status: 'succeeded' }));
    },
  };
}

function makeOffice(model: FakeWorkbook): Record<string, unknown> {
  const light = {
    bodyBackgroundColor: '#FFFFFF',
    bodyForegroundColor: '#000000',
    controlBackgroundColor: '#FFFFFF',
    controlForegroundColor: '#000000',
  };
  const dark = {
    bodyBackgroundColor: '#1F1F1F',
    bodyForegroundColor: '#FFFFFF',
    controlBackgroundColor: '#292929',
    controlForegroundColor: '#FFFFFF',
  };
  const info = { host: model.host, platform: model.host === null ? null : 'OfficeOnline' };
  // Outside an Office host office.js still loads, but Office.context has no host parts.
  if (model.host === null) {
    return {
      onReady: (callback?: (i: typeof info) => void): Promise<typeof info> => {
        callback?.(info);
        return Promise.resolve(info);
      },
      HostType: { Excel: 'Excel' },
      context: {},
    };
  }
  return {
    onReady: (callback?: (i: typeof info) => void): Promise<typeof info> => {
      callback?.(info);
      return Promise.resolve(info);
    },
    HostType: { Excel: 'Excel' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    context: {
      get displayLanguage(): string {
        return model.displayLanguage;
      },
      get officeTheme(): unknown {
        return model.darkTheme ? dark : light;
      },
      requirements: {
        isSetSupported: (name: string, version?: string): boolean => {
          if (name !== 'ExcelApi') return false;
          const minor = Number((version ?? '1.1').split('.')[1] ?? '1');
          return minor <= model.apiMinor;
        },
      },
      document: { settings: makeSettings(model) },
    },
  };
}

/** Puts fake `Office` and `Excel` globals on `target` and returns the workbook behind them. */
export function installFakeOffice(target: object, options: FakeOfficeOptions = {}): FakeWorkbook {
  const model = new FakeWorkbook(options);
  Object.assign(target, { Office: makeOffice(model), Excel: makeExcel(model) });
  return model;
}

/** Removes what installFakeOffice put on `target`. */
export function uninstallFakeOffice(target: object): void {
  const globals = target as { Office?: unknown; Excel?: unknown };
  delete globals.Office;
  delete globals.Excel;
}
