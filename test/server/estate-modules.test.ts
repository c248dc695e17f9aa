import assert from 'node:assert/strict';
import { readConfig } from '../../server/config';
import { buildRegistry } from '../../server/sync/registry';
import { datasetModules } from '../../shared/registry';
import { startTestServer, suiteServer } from '../support/server';

const names = (defs: readonly { name: string }[]) => defs.map((d) => d.name).sort();

describe('estate: the deployment switch SALES_SYNC_MODULES', () => {
  it('reads dealer,estate by default, and refuses a module that does not exist', () => {
    assert.deepEqual(readConfig({}).SALES_SYNC_MODULES, ['dealer', 'estate']);
    assert.deepEqual(readConfig({ SALES_SYNC_MODULES: ' estate ' }).SALES_SYNC_MODULES, ['estate']);
    assert.throws(() => readConfig({ SALES_SYNC_MODULES: 'estate,crm' }), /SALES_SYNC_MODULES/);
  });

  describe('an estate-only deployment', () => {
    const server = suiteServer({ deps: { handlers: buildRegistry(['estate']) } });

    it('lists only the estate datasets and their master lists in GET /api/v1/meta', async () => {
      const res = await server.call('sales', '/api/v1/meta');
      assert.equal(res.status, 200);
      const listed = (res.body.datasets as { name: string }[]).map((d) => d.name).sort();
      assert.deepEqual(listed, names(datasetModules.estate));
      assert.deepEqual(Object.keys(res.body.lists).sort(), [
        'estate-buildings',
        'estate-commission-rates',
        'estate-projects',
        'estate-shifts',
      ]);
    });

    it('does not serve a dealer dataset', async () => {
      const res = await server.call('sales', '/api/v1/sync/pull?dataset=orders');
      assert.notEqual(res.status, 200);
    });
  });

  it('serves every module by default', async () => {
    const server = await startTestServer();
    try {
      const res = await server.call('sales', '/api/v1/meta');
      const listed = (res.body.datasets as { name: string }[]).map((d) => d.name);
      assert.ok(listed.includes('orders') && listed.includes('estate-units'));
    } finally {
      await server.close();
    }
  });
});
