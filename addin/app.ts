// The add-in behind the task pane: builds the API client and the use-case context from injected
// I/O (Excel port, HTTP transport, storage, clock, ids) and exposes the AddinApp the React UI
// calls. Nothing here touches Office, fetch or localStorage directly, so tests inject fakes.
import { pickLocale, type Locale } from '../shared/locale';
import type { AddinApp } from './app-api';
import type { ExcelEnvironment, ExcelPort } from './excel/port';
import { browserStorage, browserTransport, randomIds, systemClock } from './core/browser-deps';
import { ApiClient } from './core/api-client';
import type { RetryPolicy } from './core/retry';
import { readAddinSettings, writeAddinSettings } from './core/settings';
import { clientIdOf, loadSession, saveSession, type KeyValueStorage } from './core/storage';
import type { Transport } from './core/transport';
import { confirmBinding, currentBinding, insertTemplate, proposeBinding } from './usecases/bind';
import { prepareAllocations } from './usecases/allocations';
import { prepareReorder } from './usecases/reorder';
import { resolveConflict } from './usecases/conflict';
import type { Clock, IdSource, UseCaseContext } from './usecases/context';
import { afterPush, refreshDropdowns } from './usecases/dropdowns';
import { addPivotFor } from './usecases/pivot';
import { findCreditHolds, releaseCreditHolds } from './usecases/credit';
import { pullEstateGrid } from './usecases/estate-grid';
import { pendingRows } from './usecases/pending';
import { pullDataset, refreshPulled } from './usecases/pull';
import { pushTable } from './usecases/push';
import { currentSession, signIn, signOut } from './usecases/session';
import { refreshOrderStatus } from './usecases/status';
import { validateTable } from './usecases/validate';

interface AddinDeps {
  port: ExcelPort;
  transport: Transport;
  storage: KeyValueStorage;
  clock: Clock;
  ids: IdSource;
  /** Overrides the language taken from Office's display language. */
  locale?: Locale;
  /** The host environment when the caller already read it (saves one port call). */
  environment?: ExcelEnvironment;
  /** Tries of a request after a fault, a busy server or a dropped connection (core/retry.ts). */
  retry?: Partial<RetryPolicy>;
}

function buildContext(deps: AddinDeps, state: { locale: Locale }): UseCaseContext {
  const api = new ApiClient({
    transport: deps.transport,
    locale: () => state.locale,
    session: () => loadSession(deps.storage),
    onUnauthorized: () => {
      saveSession(deps.storage, null);
    },
    ...(deps.retry ? { retry: deps.retry } : {}),
    now: () => deps.clock.now().getTime(),
  });
  let workbookId: Promise<string> | null = null;
  const makeWorkbookId = async () => {
    const settings = await readAddinSettings(deps.port);
    if (settings.workbookId) return settings.workbookId;
    const id = deps.ids.uuid();
    await writeAddinSettings(deps.port, { workbookId: id });
    return id;
  };
  return {
    port: deps.port,
    api,
    clock: deps.clock,
    ids: deps.ids,
    locale: () => state.locale,
    role: () => loadSession(deps.storage)?.user.role ?? null,
    clientId: () => clientIdOf(deps.storage, () => deps.ids.uuid()),
    workbookId: () =>
      (workbookId ??= makeWorkbookId().catch((error: unknown) => {
        workbookId = null;
        throw error;
      })),
    meta: () => api.meta(),
  };
}

/** The browser's fetch, localStorage, clock and ids stand in for what the caller leaves out. */
type AddinInput = Pick<AddinDeps, 'port'> & Partial<AddinDeps>;

function withDefaults(input: AddinInput): AddinDeps {
  return {
    ...input,
    transport: input.transport ?? browserTransport(),
    storage: input.storage ?? browserStorage(),
    clock: input.clock ?? systemClock,
    ids: input.ids ?? randomIds,
  };
}

function initialLocale(deps: AddinDeps): { state: { locale: Locale }; ready: Promise<void> } {
  const known =
    deps.locale ?? (deps.environment ? pickLocale(deps.environment.displayLanguage) : undefined);
  const state: { locale: Locale } = { locale: known ?? 'zh-CN' };
  if (known) return { state, ready: Promise.resolve() };
  const ready = deps.port.readEnvironment().then(
    (env) => void (state.locale = pickLocale(env.displayLanguage)),
    // Without the host's language the pane still works, in Chinese (the department's default).
    () => undefined,
  );
  return { state, ready };
}

export function createAddinApp(input: AddinInput): AddinApp {
  const deps = withDefaults(input);
  const { state, ready } = initialLocale(deps);
  const ctx = buildContext(deps, state);
  const after =
    <A extends unknown[], R>(work: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      await ready;
      return work(...args);
    };
  return {
    ready: () => ready,
    locale: () => state.locale,
    session: () => currentSession(deps.storage, deps.clock),
    signIn: after((input) => signIn({ api: ctx.api, storage: deps.storage }, input)),
    signOut: after(() => signOut({ api: ctx.api, storage: deps.storage })),
    meta: after(() => ctx.meta()),
    proposeBinding: after((dataset) => proposeBinding(ctx, dataset)),
    confirmBinding: after((binding) => confirmBinding(ctx, binding)),
    currentBinding: after(() => currentBinding(ctx)),
    insertTemplate: after((dataset) => insertTemplate(ctx, dataset)),
    validate: after((options) => validateTable(ctx, options)),
    refreshDropdowns: after((options) => refreshDropdowns(ctx, options)),
    selectIssue: after((issue) => deps.port.selectCell(issue.sheetName, issue.address)),
    push: after(async (options) => afterPush(ctx, await pushTable(ctx, options))),
    resolveConflict: after((conflict, take) => resolveConflict(ctx, conflict, take)),
    pull: after((dataset, options) => pullDataset(ctx, dataset, options)),
    refresh: after((options) => refreshPulled(ctx, options)),
    refreshStatus: after((options) => refreshOrderStatus(ctx, options)),
    addPivot: after(() => addPivotFor(ctx)),
    prepareAllocations: after(() => prepareAllocations(ctx)),
    prepareReorder: after((input) => prepareReorder(ctx, input)),
    pending: after((dataset) => pendingRows(ctx, dataset)),
    pullGrid: after((options) => pullEstateGrid(ctx, options)),
    creditHolds: after((options) => findCreditHolds(ctx, options)),
    releaseCredit: after((options) => releaseCreditHolds(ctx, options)),
  };
}
