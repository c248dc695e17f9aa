// Replenishment rules per location × SKU over HTTP, at their edges. WH1 × S3-BLU-M (pack of 12)
// stands at position 44 (80 on hand − 36 reserved for the open order; analysis-seed.ts); its
// rate rule says 44 < 80 → 72. A rule pushed for the pair replaces that suggestion:
//   reorder level 44, qty 10 → 44 ≥ 44, nothing; level 45 → max(10, 1) = 10; level 60 → 16
//   min 44 → nothing; min 45, max 100 → 56 → 60 at the pack of 12, 56 at a multiple of 7, 60 at 5
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startTestServer, type TestServer } from '../support/server';
import { NOW, pullAll, push, seedMasters, seedSales } from './analysis-seed';

describe('sell-out: replenishment rules', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ now: () => NOW });
    await seedMasters(server);
    await seedSales(server);
  });
  after(() => server.close());

  const s3 = async () =>
    (await pullAll(server, 'sales', 'dataset=replenishment')).rows.get('WH1|S3-BLU-M')!.values;
  const setRule = async (values: Record<string, unknown>) => {
    const rule = { locationCode: 'WH1', skuCode: 'S3-BLU-M', ...values, _key: randomUUID() };
    const res = await push(server, 'manager', 'replenishment-rules', [rule]);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.results[0] as { status: string; errors: { field: string; code: string }[] };
  };

  it('keeps the rate rule where no rule is set, and says why', async () => {
    const v = await s3();
    assert.deepEqual([v.rule, v.position, v.suggestedQuantity, v.short], ['rate', 44, 72, true]);
    assert.equal(v.ruleReason, '44 < 80');
  });

  const reorderLevel: [number, number, number, string][] = [
    [44, 10, 0, '44 ≥ 44'],
    [45, 10, 10, '44 < 45: max(10, 45 − 44) = 10'],
    [60, 10, 16, '44 < 60: max(10, 60 − 44) = 16'],
  ];
  for (const [level, quantity, suggested, reason] of reorderLevel)
    it(`reorder level ${level}, quantity ${quantity} → ${suggested}`, async () => {
      const rule = { rule: 'reorder-level', reorderLevel: level, reorderQuantity: quantity };
      assert.equal((await setRule(rule)).status, 'applied');
      const v = await s3();
      assert.deepEqual(
        [v.rule, v.suggestedQuantity, v.short, v.ruleReason],
        ['reorder-level', suggested, suggested > 0, reason],
      );
    });

  const minMax: [number, number, number | undefined, number, string][] = [
    [44, 100, undefined, 0, '44 ≥ 44'],
    [45, 100, undefined, 60, '44 < 45: 100 − 44 = 56 → ×12 = 60'],
    [45, 100, 7, 56, '44 < 45: 100 − 44 = 56 → ×7 = 56'],
    [45, 100, 5, 60, '44 < 45: 100 − 44 = 56 → ×5 = 60'],
  ];
  for (const [min, max, multiple, suggested, reason] of minMax)
    it(`min ${min}, max ${max}, multiple ${multiple ?? 'pack'} → ${suggested}`, async () => {
      const rule = {
        rule: 'min-max',
        minQuantity: min,
        maxQuantity: max,
        ...(multiple ? { multiple } : {}),
      };
      assert.equal((await setRule(rule)).status, 'applied');
      const v = await s3();
      assert.deepEqual(
        [v.rule, v.suggestedQuantity, v.short, v.ruleReason],
        ['min-max', suggested, suggested > 0, reason],
      );
    });

  it('keeps one rule per location × SKU, whichever row pushed it last', async () => {
    await setRule({ rule: 'reorder-level', reorderLevel: 60, reorderQuantity: 10 });
    const rules = await pullAll(server, 'warehouse', 'dataset=replenishment-rules');
    const live = [...rules.rows.values()].filter((r) => r.op === 'upsert');
    assert.deepEqual(
      live.map((r) => [r.values.id, r.values.rule]),
      [['WH1|S3-BLU-M', 'reorder-level']],
    );
  });

  it('refuses a rule without its quantities, a max below the min, and non-planners', async () => {
    const missing = await setRule({ rule: 'min-max', minQuantity: 10 });
    assert.deepEqual(
      missing.errors.map((e) => [e.field, e.code]),
      [['maxQuantity', 'sellout-rule-needs']],
    );
    const inverted = await setRule({ rule: 'min-max', minQuantity: 10, maxQuantity: 5 });
    assert.deepEqual(
      inverted.errors.map((e) => e.code),
      ['sellout-max-below-min'],
    );
    const rule = {
      locationCode: 'WH1',
      skuCode: 'S3-BLU-M',
      rule: 'min-max',
      minQuantity: 1,
      maxQuantity: 2,
    };
    assert.equal((await push(server, 'sales', 'replenishment-rules', [rule])).status, 403);
  });
});
