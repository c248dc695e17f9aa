// OpenAPI 3.1 from the route table and the same zod schemas that validate requests. Every
// operation has an operationId, its path parameters, the headers it reads (Accept-Language,
// Idempotency-Key), its bodies (JSON, or a workbook) and its error answers; `npm run check`
// lints the document with Redocly (test/server/openapi.test.ts).
import { z } from 'zod';
import { acceptLanguage, operationExtras, operationIdOf } from './openapi-extras';
import type { Route } from './route';

function jsonSchema(schema: z.ZodType): unknown {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
}

const errorAnswer = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

function parameters(route: Route, path: string): unknown[] {
  const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const inPath = names.map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string', maxLength: 60 },
  }));
  const extras = operationExtras[`${route.method} ${path}`];
  const headers = (extras?.headers ?? []).map((h) => ({ ...h, in: 'header' }));
  const query: unknown[] = [];
  if (route.query) {
    const shape = jsonSchema(route.query) as {
      properties?: Record<string, unknown>;
      required?: string[];
    };
    for (const [name, schema] of Object.entries(shape.properties ?? {}))
      query.push({ name, in: 'query', required: shape.required?.includes(name) ?? false, schema });
  }
  return [...inPath, ...query, ...headers, acceptLanguage];
}

function operation(route: Route, path: string): Record<string, unknown> {
  const extras = operationExtras[`${route.method} ${path}`];
  const json = route.response
    ? { 'application/json': { schema: jsonSchema(route.response) } }
    : undefined;
  const content = extras?.okContent ?? json;
  const op: Record<string, unknown> = {
    operationId: operationIdOf(route.method, path),
    summary: route.summary,
    tags: [path.split('/')[3] ?? 'api'],
    security: route.roles ? [{ bearer: [] }] : [],
    ...(route.roles ? { 'x-roles': route.roles } : {}),
    parameters: parameters(route, path),
    responses: {
      '200': content ? { description: 'OK', content } : { description: 'OK' },
      '4XX': errorAnswer('The request was refused: error.code says why, error.message in words'),
      '5XX': errorAnswer('A fault of the server (internal) or busy (503, Retry-After)'),
    },
  };
  if (extras?.requestBody) op.requestBody = extras.requestBody;
  else if (route.body)
    op.requestBody = {
      required: true,
      content: { 'application/json': { schema: jsonSchema(route.body) } },
    };
  return op;
}

export function openApiDocument(routes: readonly Route[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    paths[path] = { ...paths[path], [route.method]: operation(route, path) };
  }
  const tags = [...new Set(Object.keys(paths).map((p) => p.split('/')[3] ?? 'api'))].map(
    (name) => ({ name, description: `The ${name} endpoints` }),
  );
  return {
    openapi: '3.1.0',
    info: {
      title: 'Sales Sync API',
      version: '1',
      description:
        'The sync server of Sales Sync: sign-in, meta, push and pull of datasets, workbook import and export, audit. Money is integer fen; dates are Asia/Shanghai calendar dates.',
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
    },
    servers: [{ url: '/', description: 'The server that published this document' }],
    tags,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string', description: 'Stable, kebab-case' },
                message: { type: 'string', description: 'In the Accept-Language language' },
                details: { description: 'For machines, e.g. the schema issues' },
                requestId: { type: 'string' },
              },
            },
          },
        },
      },
    },
    paths,
  };
}
