// OpenAPI 3.1 from the route table and the same zod schemas that validate requests.
import { z } from 'zod';
import type { Route } from './route';

function jsonSchema(schema: z.ZodType): unknown {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
}

function operation(route: Route): Record<string, unknown> {
  const op: Record<string, unknown> = {
    summary: route.summary,
    ...(route.roles ? { security: [{ bearer: [] }], 'x-roles': route.roles } : {}),
    responses: {
      '200': route.response
        ? {
            description: 'OK',
            content: { 'application/json': { schema: jsonSchema(route.response) } },
          }
        : { description: 'OK' },
      '4XX': {
        description: 'Error',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    },
  };
  if (route.body)
    op.requestBody = {
      required: true,
      content: { 'application/json': { schema: jsonSchema(route.body) } },
    };
  if (route.query) {
    const shape = jsonSchema(route.query) as {
      properties?: Record<string, unknown>;
      required?: string[];
    };
    op.parameters = Object.entries(shape.properties ?? {}).map(([name, schema]) => ({
      name,
      in: 'query',
      required: shape.required?.includes(name) ?? false,
      schema,
    }));
  }
  return op;
}

export function openApiDocument(routes: readonly Route[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    paths[path] = { ...paths[path], [route.method]: operation(route) };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Sales Sync API', version: '1' },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Error: {
          type: 'object',
          properties: {
            error: {
              type: 'object',
              properties: {
                code: { type: 'string' },
                message: { type: 'string' },
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
