// The whole route × role matrix: every route refuses a missing token with 401 and a role it
// does not allow with 403; every dataset's push and pull follow the dataset's roles.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { buildRoutes } from '../../server/app';
import { roles } from '../../shared/roles';
import { suiteServer } from '../support/server';

const sampleParams: Record<string, string> = { file: 'stock.xlsx', dataset: 'regions' };

function concretePath(path: string): string {
  return path.replace(/:(\w+)/g, (_, name: string) => sampleParams[name] ?? 'x');
}

describe('access: route × role matrix', function () {
  this.timeout(120_000);
  const server = suiteServer();

  it('every route answers 401 without a token, except sign-in', async () => {
    for (const route of buildRoutes(server.deps)) {
      if (route.roles === null) continue;
      const res = await server.call(null, concretePath(route.path), {
        method: route.method.toUpperCase(),
        ...(route.method === 'get' ? {} : { body: {} }),
      });
      assert.equal(res.status, 401, `${route.method} ${route.path}`);
      assert.equal(res.body.error.code, 'unauthenticated');
    }
  });

  it('every route answers 403 to a role it does not allow, and never 401/403 to one it allows', async () => {
    for (const route of buildRoutes(server.deps)) {
      if (route.roles === null || route.path.endsWith('/logout')) continue;
      for (const role of roles) {
        const res = await server.call(role, concretePath(route.path), {
          method: route.method.toUpperCase(),
          ...(route.method === 'get' ? {} : { body: {} }),
        });
        const allowed = route.roles.includes(role);
        if (allowed)
          assert.ok(
            res.status !== 401 && !(res.status === 403 && res.body?.error?.code === 'forbidden'),
            `${role} ${route.method} ${route.path} → ${res.status}`,
          );
        else assert.equal(res.status, 403, `${role} ${route.method} ${route.path} → ${res.status}`);
      }
    }
  });

  it('push and pull of every dataset follow its roles', async () => {
    for (const [name, handler] of server.deps.handlers) {
      for (const role of roles) {
        const pull = await server.call(role, `/api/v1/sync/pull?dataset=${name}&limit=1`);
        const mayPull = handler.def.pull?.roles.includes(role) ?? false;
        assert.equal(
          pull.status,
          mayPull ? 200 : handler.def.pull ? 403 : 404,
          `${role} pull ${name}`,
        );
        const body = {
          workbookId: 'wb',
          clientId: 'c',
          dataset: name,
          dryRun: true,
          mutations: [{ mutationId: randomUUID(), op: 'upsert', rowKey: randomUUID(), values: {} }],
        };
        const push = await server.call(role, '/api/v1/sync/push', {
          body,
          headers: { 'idempotency-key': randomUUID() },
        });
        // A dry run is also open to the roles of the dataset's push options (finance checks the
        // orders it would release over the credit limit), never a real write without the option.
        const optionRoles = Object.values(handler.def.push?.options ?? {}).flat();
        const mayPush =
          (handler.def.push?.roles.includes(role) ?? false) || optionRoles.includes(role);
        assert.equal(
          push.status,
          mayPush ? 200 : handler.def.push ? 403 : 405,
          `${role} push ${name}`,
        );
      }
    }
  });

  it('an analyst reads but cannot push orders; finance cannot change orders', () => {
    const orders = server.deps.handlers.get('orders');
    assert.ok(orders, 'orders are registered');
    assert.ok(!orders.def.push?.roles.includes('analyst'));
    assert.ok(!orders.def.push?.roles.includes('finance'));
    assert.ok(orders.def.pull?.roles.includes('analyst'));
  });
});
