// The whole add-in for tests: createAddinApp over the fake Excel host (installed on globalThis,
// driven through the real Office port) and the real server in-process, with in-memory storage,
// a fixed clock and real UUIDs. Tests spy on `transport.send` and `port.*` to count traffic.
import { randomUUID } from 'node:crypto';
import { createAddinApp } from '../../addin/app';
import type { AddinApp } from '../../addin/app-api';
import { memoryStorage, type KeyValueStorage } from '../../addin/core/storage';
import { fetchTransport, type Transport } from '../../addin/core/transport';
import { createOfficePort } from '../../addin/excel/office-port';
import type { ExcelPort } from '../../addin/excel/port';
import type { Locale } from '../../shared/locale';
import type { Role } from '../../shared/roles';
import { installFakeOffice, uninstallFakeOffice, type FakeWorkbook } from '../fakes/fake-excel';
import {
  PASSWORD,
  TEST_ORIGIN,
  startTestServer,
  type TestServer,
  type TestServerOptions,
} from './server';

export interface AddinHarness {
  app: AddinApp;
  workbook: FakeWorkbook;
  server: TestServer;
  port: ExcelPort;
  transport: Transport;
  storage: KeyValueStorage;
  /** Builds a second app over the same workbook, server and storage (a reopened task pane). */
  reopen: (transport?: Transport) => AddinApp;
  close: () => Promise<void>;
}

interface AddinOptions {
  /** Signs in as `<role>-user` before returning (default manager); null stays signed out. */
  role?: Role | null;
  locale?: Locale;
  excelApi?: string;
  server?: TestServerOptions;
  /** The pane's clock (default the real one); a use case that stamps today's date reads it. */
  now?: () => Date;
}

/** A transport over Node's fetch that presents the add-in's origin, as the pane in Excel does. */
export function testTransport(): Transport {
  return fetchTransport((url, init) =>
    fetch(url, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), Origin: TEST_ORIGIN },
    }),
  );
}

export async function startAddin(options: AddinOptions = {}): Promise<AddinHarness> {
  const server = await startTestServer(options.server);
  const workbook = installFakeOffice(globalThis, {
    excelApi: options.excelApi ?? '1.18',
    displayLanguage: options.locale ?? 'zh-CN',
  });
  const port = createOfficePort();
  const transport = testTransport();
  const storage = memoryStorage();
  const build = (t: Transport) =>
    createAddinApp({
      port,
      transport: t,
      storage,
      clock: { now: options.now ?? (() => new Date()) },
      ids: { uuid: randomUUID },
      retry: { sleep: () => Promise.resolve() },
    });
  const app = build(transport);
  await app.ready?.();
  const role = options.role === undefined ? 'manager' : options.role;
  if (role !== null)
    await app.signIn({ serverUrl: server.url, username: `${role}-user`, password: PASSWORD });
  return {
    app,
    workbook,
    server,
    port,
    transport,
    storage,
    reopen: (t = transport) => build(t),
    close: async () => {
      uninstallFakeOffice(globalThis);
      await server.close();
    },
  };
}

/** Rows of a sheet as values (header included), for assertions. */
export function sheetValues(workbook: FakeWorkbook, sheetName: string): unknown[][] {
  return workbook.sheet(sheetName).rows.map((row) => [...(row?.values ?? [])]);
}

/** A table's column by header, body values only. */
export function tableColumn(workbook: FakeWorkbook, tableName: string, header: string): unknown[] {
  const table = workbook.findTable(tableName);
  if (!table) throw new Error(`no table ${tableName}`);
  const column = workbook.tableHeaders(tableName).indexOf(header);
  if (column < 0) throw new Error(`no column ${header} in ${tableName}`);
  return Array.from({ length: table.bodyCount }, (_, i) =>
    table.sheet.value(table.row + 1 + i, table.column + column),
  );
}
