// Pulled enumerations read in the reader's language: an order type, a dealer's channel, an ageing
// bucket or a reconciliation's suggestion kind is a label on the sheet, never the code behind it.
import assert from 'node:assert/strict';
import sinon from 'sinon';
import { describeDataset } from '../../../shared/meta';
import { financeDatasets } from '../../../shared/finance/datasets';
import { analysisDatasets } from '../../../shared/analysis/datasets';
import { startAddin, type AddinHarness } from '../../support/addin';
import { fixedNow, push, orderRow, seedSalesData } from '../../support/fixtures';

/** Computed columns that hold one of a few codes: each must be an enumeration with labels. */
const CODED = [
  ['sales-facts', 'channel'],
  ['sales-facts', 'orderType'],
  ['receivable-items', 'bucket'],
  ['reconciliation', 'candidateKind'],
  ['reconciliation', 'suggestedTargetKind'],
] as const;

describe('pulled enumerations in the reader language', () => {
  let h: AddinHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
    sinon.restore();
  });

  it('declares every coded computed column as an enumeration with labels', () => {
    const all = [...financeDatasets, ...analysisDatasets].map(describeDataset);
    for (const [dataset, name] of CODED) {
      const field = all.find((d) => d.name === dataset)?.fields.find((f) => f.name === name);
      assert.equal(field?.kind, 'enum', `${dataset}.${name}`);
      assert.ok((field.options ?? []).every((o) => o.label['zh-CN'] !== o.value));
    }
  });

  it('shows a replenishment order of a dealer as 补货 and 经销商 in pulled sales facts', async () => {
    const harness = await startAddin({ role: 'manager', server: { now: fixedNow } });
    h = harness;
    await seedSalesData(harness.server);
    const res = await push(harness.server, {
      dataset: 'orders',
      role: 'sales',
      rows: [orderRow('PO-L1', 2, { orderType: 'replenishment' })],
    });
    assert.equal(res.body.summary.applied, 1);
    const report = await harness.app.pull('sales-facts');
    const sheet = harness.workbook.sheet(report.sheetName);
    const headers = sheet.rows[0]!.values;
    const body = sheet.rows.slice(1).filter((r) => r?.values[headers.indexOf('类型')] === '订货');
    assert.ok(body.length > 0);
    const cells = body.flatMap((r) => r!.values);
    assert.ok(cells.includes('补货'), JSON.stringify(cells));
    for (const code of ['replenishment', 'dealer', 'normal'])
      assert.ok(!cells.includes(code), code);
  });
});
