// GET /api/v1/audit?dataset=&key= — who changed a record, when, from which workbook, before/after.
import { z } from 'zod';
import { managers } from '../../shared/roles';
import { localeOf } from '../http/middleware';
import { completeOrderAudit } from '../datasets/orders-audit';
import { parseOr400 } from '../http/parse';
import type { RouteFactory } from './route';

const auditQuerySchema = z.object({
  dataset: z.string().min(1).max(50),
  /** The record's row key or its canonical id. */
  key: z.string().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

const auditEntrySchema = z.object({
  at: z.string(),
  username: z.string(),
  role: z.string(),
  workbookId: z.string(),
  clientId: z.string(),
  dataset: z.string(),
  key: z.string(),
  id: z.string(),
  version: z.number(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});

export const auditRoutes: RouteFactory = (deps) => [
  {
    method: 'get',
    path: '/api/v1/audit',
    summary: 'Audit trail of one record (managers and admins)',
    roles: managers,
    query: auditQuerySchema,
    response: z.object({ entries: z.array(auditEntrySchema) }),
    async handle(req, res) {
      const query = parseOr400(auditQuerySchema, req.query, localeOf(res));
      const rows = await deps.db
        .selectFrom('audit')
        .selectAll()
        .where('dataset', '=', query.dataset)
        .where((eb) => eb.or([eb('record_key', '=', query.key), eb('record_id', '=', query.key)]))
        .orderBy('id')
        .limit(query.limit)
        .execute();
      const entries = rows.map((r) => ({
        auditId: r.id,
        at: r.at,
        username: r.username,
        role: r.role,
        workbookId: r.workbook_id,
        clientId: r.client_id,
        dataset: r.dataset,
        key: r.record_key,
        id: r.record_id,
        version: r.version,
        action: r.action,
        before: r.before === null ? null : (JSON.parse(r.before) as unknown),
        after: r.after === null ? null : (JSON.parse(r.after) as unknown),
      }));
      // Order lines' audit rows leave out what the line holds; fill it back in.
      if (query.dataset === 'orders') await completeOrderAudit(deps.db, entries);
      res.json({ entries: entries.map(({ auditId: _id, ...entry }) => entry) });
    },
  },
];
