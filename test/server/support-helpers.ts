// Helpers of the dealer-support tests: push rows (with request options) and pull a dataset as
// a map by a column, over the real HTTP API.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Role } from '../../shared/roles';
import { pushBody, type Row } from '../support/fixtures';
import type { TestServer } from '../support/server';

/** The authorization header of a signed-in user's token (signInAs), or none. */
const bearer = (token: string | undefined): Record<string, string> =>
  token ? { authorization: `Bearer ${token}` } : {};

export interface RowResult {
  status: string;
  id: string;
  version: number;
  errors: { code: string; message: string; field?: string }[];
}

export async function pushRows(
  server: TestServer,
  dataset: string,
  rows: readonly Row[],
  opts: { role?: Role; token?: string; options?: Record<string, boolean> } = {},
): Promise<RowResult[]> {
  const body = {
    ...pushBody({ dataset, rows }),
    ...(opts.options ? { options: opts.options } : {}),
  };
  const res = await server.call(opts.token ? null : (opts.role ?? 'manager'), '/api/v1/sync/push', {
    body,
    headers: { 'idempotency-key': randomUUID(), ...bearer(opts.token) },
  });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.results as RowResult[];
}

/** Pushes rows of values and asserts every one was applied. */
export async function seedRows(
  server: TestServer,
  dataset: string,
  values: readonly Record<string, unknown>[],
  role: Role = 'manager',
): Promise<RowResult[]> {
  const results = await pushRows(
    server,
    dataset,
    values.map((v) => ({ values: v })),
    { role },
  );
  results.forEach((r) => assert.equal(r.status, 'applied', `${dataset}: ${JSON.stringify(r)}`));
  return results;
}

export async function pullRows(
  server: TestServer,
  dataset: string,
  opts: { query?: string; role?: Role; token?: string } = {},
): Promise<Record<string, unknown>[]> {
  const query = opts.query ? `&${opts.query}` : '';
  const path = `/api/v1/sync/pull?dataset=${dataset}${query}`;
  const res = await server.call(opts.token ? null : (opts.role ?? 'analyst'), path, {
    headers: bearer(opts.token),
  });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return (res.body.rows as { values: Record<string, unknown> }[]).map((r) => r.values);
}

/** The codes of a result's errors. */
export const codesOf = (result: RowResult | undefined) => result?.errors.map((e) => e.code) ?? [];

/** The messages of a result's errors, joined. */
export const messagesOf = (result: RowResult | undefined) =>
  result?.errors.map((e) => e.message).join(' ') ?? '';
