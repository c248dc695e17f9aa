// A route is declared once — method, path, roles, schemas, handler — and the same table mounts
// it, documents it in openapi.json, and drives the route × role test.
import type { Request, Response } from 'express';
import type { z } from 'zod';
import type { Role } from '../../shared/roles';
import type { Logger } from '../logger';
import type { ImportPool } from '../files/import-pool';
import type { ScryptParams } from '../services/passwords';
import type { Db } from '../store/db';
import type { HandlerRegistry } from '../sync/registry';

export interface AppDeps {
  db: Db;
  now: () => Date;
  logger: Logger;
  handlers: HandlerRegistry;
  tokenHours: number;
  /** Origins allowed by CORS: the add-in's. */
  allowedOrigins: readonly string[];
  /** Host names the server answers to besides loopback (DNS rebinding guard). */
  allowedHosts?: readonly string[];
  /** Folder with the built task pane, served at /addin/ (absent in API-only tests). */
  addinDir?: string;
  /** Folder of @microsoft/office-js's dist, served at /office-js/ for offline use. */
  officeJsDir?: string;
  /**
   * This server instance's stable name (host:port by default in main.ts): the owner of the
   * Idempotency-Keys it runs, so a restarted instance can free what its dead process held.
   */
  instanceId?: string;
  /** The pool that parses uploads (default: the process's, files/import-pool.ts). */
  importPool?: ImportPool;
  /**
   * Express's `trust proxy`: which proxies' X-Forwarded-For names the client (sign-in limits
   * count per address). Default false: the socket's address, whatever a header claims.
   */
  trustProxy?: boolean | number | string;
  /** The scrypt cost for new and upgraded password hashes (default: passwords.ts). */
  passwordParams?: ScryptParams;
}

export interface Route {
  method: 'get' | 'post' | 'delete';
  path: string;
  summary: string;
  /** null: no token needed (login). Otherwise the roles allowed; datasets narrow further. */
  roles: readonly Role[] | null;
  body?: z.ZodType;
  query?: z.ZodType;
  response?: z.ZodType;
  /** Raw bodies (file uploads) are read by the handler itself. */
  rawBody?: boolean;
  handle: (req: Request, res: Response) => Promise<void>;
}

export type RouteFactory = (deps: AppDeps) => Route[];
