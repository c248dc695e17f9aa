// The sync protocol's two endpoints. Thin: parse, check the dataset's roles, call the engine.
import type { DatasetDef } from '../../shared/datasets';
import type { Locale } from '../../shared/locale';
import { formatMessage } from '../../shared/messages';
import { describeDataset } from '../../shared/meta';
import { everyone, type Role } from '../../shared/roles';
import {
  pullQuerySchema,
  pullResponseSchema,
  pushRequestSchema,
  pushResponseSchema,
  type PushRequest,
  type PushResponse,
} from '../../shared/protocol';
import { AppError } from '../http/errors';
import { assertRole, currentUser } from '../http/auth';
import { localeOf } from '../http/middleware';
import { parseOr400 } from '../http/parse';
import { bodyHashOf } from '../http/body-hash';
import { requiredIdempotencyKey, runIdempotent } from '../http/idempotent';
import { runPull } from '../sync/pull';
import { runPush } from '../sync/push';
import type { AppDeps, RouteFactory } from './route';

export function handlerFor(deps: AppDeps, dataset: string) {
  const handler = deps.handlers.get(dataset);
  if (!handler) throw new AppError('unknown-dataset', { dataset });
  return handler;
}

/**
 * An API client sends money as integer fen, so a money error names that wire format; the
 * sheet's yuan wording (shared/messages.ts invalid-money) is for the add-in and the importer,
 * and the add-in puts the fen error back into yuan words from the field label in `params`.
 */
function inWireTerms(body: PushResponse, def: DatasetDef, locale: Locale): PushResponse {
  const money = body.results.some((r) => r.errors.some((e) => e.code === 'invalid-money'));
  if (!money) return body;
  const labels = new Map(describeDataset(def).fields.map((f) => [f.name, f.label[locale]]));
  const results = body.results.map((result) => ({
    ...result,
    errors: result.errors.map((error) => {
      if (error.code !== 'invalid-money') return error;
      const field = labels.get(error.field ?? '') ?? error.field ?? '';
      return {
        ...error,
        code: 'invalid-money-fen',
        message: formatMessage('invalid-money-fen', { field }, locale),
        params: { ...error.params, field },
      };
    }),
  }));
  return { ...body, results };
}

/**
 * Who may push: the dataset's push roles, and a push option's roles when the request sets that
 * option or only checks (a dry run writes nothing) what it would let through — finance releases
 * orders over the credit limit without entering orders (docs/protocol.md, "Push").
 */
function pushRolesOf(def: DatasetDef, request: PushRequest): readonly Role[] {
  const push = def.push;
  if (!push) return [];
  const granted = Object.entries(push.options ?? {})
    .filter(([name]) => request.dryRun === true || request.options?.[name] === true)
    .flatMap(([, roles]) => roles);
  return [...push.roles, ...granted];
}

export const syncRoutes: RouteFactory = (deps) => [
  {
    method: 'post',
    path: '/api/v1/sync/push',
    summary: 'Push rows of a dataset; per-row results (header Idempotency-Key required)',
    roles: everyone,
    body: pushRequestSchema,
    response: pushResponseSchema,
    async handle(req, res) {
      const user = currentUser(res);
      const key = requiredIdempotencyKey(req);
      const request = parseOr400(pushRequestSchema, req.body, localeOf(res));
      const handler = handlerFor(deps, request.dataset);
      if (!handler.def.push)
        throw new AppError('dataset-not-pushable', { dataset: request.dataset });
      assertRole(user, pushRolesOf(handler.def, request));
      const outcome = await runIdempotent(
        deps,
        { res, userId: user.id, key, hash: bodyHashOf(req) },
        async (seal) => {
          const actor = { user, workbookId: request.workbookId, clientId: request.clientId };
          // Serialised once: the same text is stored for replays and sent. A push that writes
          // stores it in its own transaction; the response it kept there is the one it returns.
          let kept: { response: PushResponse; json: string } | undefined;
          const body = await runPush({
            db: deps.db,
            handler,
            actor,
            request,
            now: deps.now(),
            locale: localeOf(res),
            options: request.options ?? {},
            keepAnswer: (response, later) => {
              const json = JSON.stringify(inWireTerms(response, handler.def, localeOf(res)));
              seal(later, { status: 200, json });
              kept = { response, json };
            },
          });
          if (kept?.response === body)
            return { status: 200, json: kept.json, value: null, sealed: true };
          const json = JSON.stringify(inWireTerms(body, handler.def, localeOf(res)));
          return { status: 200, json, value: null };
        },
      );
      res.status(outcome.status).type('json').send(outcome.json);
    },
  },
  {
    method: 'get',
    path: '/api/v1/sync/pull',
    summary: 'Pull a dataset: everything, or only changes since a cursor',
    roles: everyone,
    query: pullQuerySchema,
    response: pullResponseSchema,
    async handle(req, res) {
      const user = currentUser(res);
      const query = parseOr400(pullQuerySchema, req.query, localeOf(res));
      const handler = handlerFor(deps, query.dataset);
      if (!handler.def.pull || !handler.pull)
        throw new AppError('unknown-dataset', { dataset: query.dataset });
      assertRole(user, handler.def.pull.roles);
      res.json(await runPull({ db: deps.db, handler, user, query, now: deps.now() }));
    },
  },
];
