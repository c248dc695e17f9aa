// Workbook files: export any pullable dataset as .xlsx, import an .xlsx through the
// push engine. Thin: parse, check the dataset's roles, call the service, send.
import type { Request, Response } from 'express';
import { z } from 'zod';
import { everyone } from '../../shared/roles';
import { limits, pullFilterSchema } from '../../shared/protocol';
import { AppError } from '../http/errors';
import { assertRole, currentUser } from '../http/auth';
import { localeOf } from '../http/middleware';
import { parseOr400 } from '../http/parse';
import { runExport } from '../files/export';
import {
  reportJson,
  runImport,
  sha256,
  type ImportInput,
  type ImportReport,
} from '../files/import';
import { importPool } from '../files/import-pool';
import { assertXlsxContentType, readUpload } from '../files/upload';
import { XLSX_MIME } from '../files/xlsx-write';
import { hashBody } from '../sync/idempotency';
import { idempotencyKeyOf, runIdempotent } from '../http/idempotent';
import type { AppDeps, RouteFactory } from './route';
import { handlerFor } from './sync';

const flag = z
  .enum(['0', '1', 'true', 'false'])
  .optional()
  .transform((v) => v === '1' || v === 'true');

const importQuerySchema = z.object({
  dryRun: flag,
  atomic: flag,
  format: z.enum(['json', 'xlsx']).default('json'),
});

function exportDataset(file: string | string[] | undefined): string {
  const match = typeof file === 'string' ? /^([a-z][a-z-]{0,49})\.xlsx$/.exec(file) : null;
  if (!match?.[1]) throw new AppError('not-found', { what: String(file) });
  return match[1];
}

function sendXlsx(res: Response, bytes: Buffer, fileName: string): void {
  res.setHeader('Content-Type', XLSX_MIME);
  res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  res.setHeader('Cache-Control', 'no-store');
  res.send(bytes);
}

async function exportFile(deps: AppDeps, req: Request, res: Response): Promise<void> {
  const user = currentUser(res);
  const handler = handlerFor(deps, exportDataset(req.params.file));
  if (!handler.def.pull || !handler.pull)
    throw new AppError('unknown-dataset', { dataset: handler.def.name });
  assertRole(user, handler.def.pull.roles);
  const filter = parseOr400(pullFilterSchema, req.query, localeOf(res));
  const file = await runExport({
    db: deps.db,
    handler,
    user,
    filter,
    now: deps.now(),
    locale: localeOf(res),
  });
  sendXlsx(res, file.bytes, file.fileName);
}

async function importFile(deps: AppDeps, req: Request, res: Response): Promise<void> {
  const user = currentUser(res);
  const query = parseOr400(importQuerySchema, req.query, localeOf(res));
  // The request's shape first (no body read yet), then the dataset's roles, then the bytes.
  assertXlsxContentType(req);
  const handler = handlerFor(deps, String(req.params.dataset));
  if (!handler.def.push) throw new AppError('dataset-not-pushable', { dataset: handler.def.name });
  assertRole(user, handler.def.push.roles);
  const key = idempotencyKeyOf(req);
  const buffer = await readUpload(req, res, limits.maxUploadBytes);
  const locale = localeOf(res);
  const input = {
    db: deps.db,
    handler,
    user,
    buffer,
    now: deps.now(),
    locale,
    dryRun: query.dryRun,
    atomic: query.atomic,
    pool: deps.importPool ?? importPool(deps.logger),
  };
  const { report, json } = await importWithKey(deps, { input, res, key });
  if (query.format === 'json') {
    res.type('json').send(json);
    return;
  }
  // The uploaded sheet with its results, rendered in the pool from the same bytes.
  const bytes = await input.pool.result({
    buffer: input.buffer,
    dataset: report.dataset,
    locale,
    report,
  });
  sendXlsx(res, bytes, `${report.dataset}-result.xlsx`);
}

export const fileRoutes: RouteFactory = (deps: AppDeps) => [
  {
    method: 'get',
    path: '/api/v1/export/:file',
    summary:
      'A pullable dataset as an .xlsx workbook (the pull filters apply: from, to, region, dealer, category, location)',
    roles: everyone,
    query: pullFilterSchema,
    handle: (req, res) => exportFile(deps, req, res),
  },
  {
    method: 'post',
    path: '/api/v1/import/:dataset',
    summary:
      'Import an .xlsx (body) into a dataset through push; ?dryRun=1&atomic=1&format=json|xlsx, optional Idempotency-Key',
    roles: everyone,
    query: importQuerySchema,
    rawBody: true,
    handle: (req, res) => importFile(deps, req, res),
  },
];

/**
 * Runs an import, under the push's Idempotency-Key guard when a key is sent: the same key and
 * file replay the stored report; another file with that key → 422; a failure frees the key.
 */
async function importWithKey(
  deps: AppDeps,
  run: { input: ImportInput; res: Response; key: string | null },
): Promise<{ report: ImportReport; json: string }> {
  const { input, key } = run;
  if (!key) {
    const { report } = await runImport(input);
    return { report, json: await reportJson(report) };
  }
  const hash = hashBody({
    dataset: input.handler.def.name,
    file: sha256(input.buffer),
    dryRun: input.dryRun,
    atomic: input.atomic,
  });
  const outcome = await runIdempotent(
    deps,
    { res: run.res, userId: input.user.id, key, hash },
    async () => {
      const { report } = await runImport(input);
      return { status: 200, json: await reportJson(report), value: report };
    },
  );
  const report = outcome.replayed ? (JSON.parse(outcome.json) as ImportReport) : outcome.value;
  return { report, json: outcome.json };
}
