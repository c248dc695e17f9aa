// What every use case gets: the Excel port, the API client, the clock and id source, the user's
// language, and the workbook's and client's identities (docs/protocol.md, "Push"). Built once by
// addin/app.ts; tests build it over the fake host and the real server.
import type { Locale } from '../../shared/locale';
import type { MetaResponse } from '../../shared/meta';
import type { Role } from '../../shared/roles';
import type { ExcelPort } from '../excel/port';
import type { ApiClient } from '../core/api-client';
import type { RetryPolicy } from '../core/push-engine';

export interface Clock {
  now(): Date;
}

export interface IdSource {
  /** A new random UUID (crypto.randomUUID in the pane). */
  uuid(): string;
}

export interface UseCaseContext {
  readonly port: ExcelPort;
  readonly api: ApiClient;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly retry: RetryPolicy;
  locale(): Locale;
  /** The signed-in user's role (offline checks that depend on it), or null when signed out. */
  role(): Role | null;
  clientId(): string;
  workbookId(): Promise<string>;
  meta(): Promise<MetaResponse>;
}
