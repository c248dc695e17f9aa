// Validate runs what the server runs, for every dataset: the dataset's own schema (finance and
// analysis datasets too, not only the core ones) and its row rules over meta's lists (whole
// packs, the dealer price), so a row that validates in Excel is not refused on push.
import assert from 'node:assert/strict';
import type { Role } from '../../../shared/roles';
import { startAddin, type AddinHarness } from '../../support/addin';
import { fixedNow, seedSalesData } from '../../support/fixtures';
import { bindSheet, ORDER_HEADERS, orderRow } from './helpers';

describe('validate: every dataset, every rule the add-in can know', () => {
  let h: AddinHarness;
  const start = async (role: Role) => {
    h = await startAddin({ role, server: { now: fixedNow } });
    await seedSalesData(h.server);
  };
  afterEach(async () => {
    await h.close();
  });

  const messagesOf = (report: { issues: { address: string; message: string }[] }) =>
    Object.fromEntries(report.issues.map((i) => [i.address, i.message]));

  it('refuses a bank line with no amount, as the server would', async () => {
    await start('finance');
    await bindSheet(h, {
      sheet: 'Bank',
      dataset: 'bank-receipts',
      rows: [
        ['到账日期', '付款人', '金额', '流水号'],
        ['2026-11-20', '上海服饰有限公司', 1200, 'B-1'],
        ['2026-11-21', '上海服饰有限公司', null, 'B-2'],
      ],
    });
    const report = await h.app.validate();
    assert.deepEqual([report.validRows, report.invalidRows], [1, 1]);
    assert.deepEqual(messagesOf(report), { C3: '“金额”必填。' });
  });

  it('refuses a quantity that is not whole packs and a price that is not the dealer price', async () => {
    await start('sales');
    await bindSheet(h, {
      sheet: 'Orders',
      dataset: 'orders',
      rows: [
        ORDER_HEADERS,
        orderRow('PO-1', 'TEE-BLK-M', 5),
        ['PO-2', 'D-SH01', '2026-11-27', '常规', 'SOCK-WHT-F', 4, 15, 'WH-E'],
        ['PO-3', 'D-SH01', '2026-11-27', '常规', 'TEE-BLK-L', 2, 150, 'WH-E'],
      ],
    });
    const report = await h.app.validate();
    assert.deepEqual(messagesOf(report), {
      F3: '数量应为整包 6 的倍数。',
      G4: '单价应为经销价 199.90 元。',
    });
    const push = await h.app.push();
    assert.deepEqual([push.applied, push.skippedInvalid], [1, 2]);
  });

  it('lets a manager price a line off the dealer price, as the server does', async () => {
    await start('manager');
    await bindSheet(h, {
      sheet: 'Orders',
      dataset: 'orders',
      rows: [ORDER_HEADERS, ['PO-3', 'D-SH01', '2026-11-27', '常规', 'TEE-BLK-L', 2, 150, 'WH-E']],
    });
    const report = await h.app.validate();
    assert.deepEqual(report.issues, []);
    assert.equal((await h.app.push()).applied, 1);
  });
});
