// Meta with an ETag (If-None-Match → 304), and the OpenAPI document built from the route table.
import { everyone } from '../../shared/roles';
import { metaResponseSchema } from '../../shared/meta';
import { currentUser } from '../http/auth';
import { buildMeta, metaEtag } from '../services/meta';
import type { RouteFactory } from './route';

export const metaRoutes: RouteFactory = (deps) => [
  {
    method: 'get',
    path: '/api/v1/meta',
    summary: 'Datasets, fields, labels, synonyms, dropdown lists and limits (ETag)',
    roles: everyone,
    response: metaResponseSchema,
    async handle(req, res) {
      const user = currentUser(res);
      const etag = await metaEtag(deps.db, deps.handlers, user);
      res.setHeader('ETag', etag);
      if (req.headers['if-none-match'] === etag) {
        res.status(304).end();
        return;
      }
      res.json(await buildMeta(deps.db, deps.handlers, user));
    },
  },
];
