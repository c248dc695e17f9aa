// Pull into a sheet of its own and refresh with only the changes: typed columns, text that stays
// text, edits by the user flagged, below-safety stock highlighted, syncs that do not grow per row.
import assert from 'node:assert/strict';
import sinon from 'sinon';
import type { WritePlan } from '../../../addin/excel/port';
import { startAddin, type AddinHarness } from '../../support/addin';
import { fixedNow, push, seedSalesData } from '../../support/fixtures';
import { serverRecords } from './helpers';

describe('pull and refresh', () => {
  let h: AddinHarness;
  beforeEach(async () => {
    h = await startAddin({ role: 'manager', server: { now: fixedNow } });
    await seedSalesData(h.server);
  });
  afterEach(async () => {
    await h.close();
    sinon.restore();
  });

  const regionsSheet = () => h.workbook.sheet('区域');
  const names = () =>
    regionsSheet()
      .rows.slice(1)
      .map((r) => r?.values[1]);

  it('pulls a dataset into its own table, then refresh writes only the change', async () => {
    const first = await h.app.pull('regions');
    assert.deepEqual([first.sheetName, first.added], ['区域', 3]);
    assert.deepEqual(regionsSheet().rows[0]?.values.slice(0, 4), [
      '区域编码',
      '区域名称',
      '上级区域',
      '状态',
    ]);
    assert.match(regionsSheet().note(0, 0) ?? '', /刷新于 2026-/);
    const headers = regionsSheet().rows[0]!.values;
    for (const system of ['_status', '_key', '_version'])
      assert.ok(regionsSheet().hiddenColumns.has(headers.indexOf(system)), `${system} is hidden`);
    const records = await serverRecords(h, 'regions');
    const hd = records.get('HD')!;
    const hn = records.get('HN')!;
    await push(h.server, {
      dataset: 'regions',
      rows: [
        { rowKey: hd.key, baseVersion: hd.version, values: { ...hd.values, name: '华东区' } },
        { rowKey: hn.key, baseVersion: hn.version, op: 'delete' },
        { values: { code: 'XB', name: '西北', status: 'active' } },
      ],
    });
    const write = sinon.spy(h.port, 'writeRows');
    const report = await h.app.refresh();
    assert.deepEqual(
      [report.updated, report.added, report.removed, report.editedCells],
      [1, 1, 1, 0],
    );
    assert.equal(write.callCount, 1);
    const plan: WritePlan = write.firstCall.args[0];
    assert.deepEqual([plan.updates?.length, plan.appends?.length, plan.deletes?.length], [1, 1, 1]);
    assert.deepEqual(names().sort(), ['上海', '华东区', '西北']);
    const quiet = await h.app.refresh();
    assert.deepEqual([quiet.updated, quiet.added, quiet.removed], [0, 0, 0]);
    assert.equal(write.callCount, 1, 'nothing changed, nothing written');
  });

  it('pulls into a new sheet when the user deleted the pulled sheet', async () => {
    const first = await h.app.pull('regions');
    h.workbook.deleteSheet(first.sheetName);
    const again = await h.app.pull('regions');
    assert.equal(again.added, 3);
    assert.deepEqual(names().sort(), ['上海', '华东', '华南']);
    h.workbook.deleteSheet(again.sheetName);
    const refreshed = await h.app.refresh();
    assert.equal(refreshed.added, 3, 'refresh of a deleted sheet pulls it again');
    assert.ok(h.workbook.findTable(refreshed.tableName));
  });

  it('warns about cells the user edited and keeps them unless asked to overwrite', async () => {
    await h.app.pull('regions');
    const row = regionsSheet().rows.findIndex((r) => r?.values[0] === 'HD');
    regionsSheet().rows[row]!.values[1] = '我改过';
    const hd = (await serverRecords(h, 'regions')).get('HD')!;
    await push(h.server, {
      dataset: 'regions',
      rows: [{ rowKey: hd.key, baseVersion: hd.version, values: { ...hd.values, name: '华东区' } }],
    });
    const kept = await h.app.refresh();
    assert.deepEqual([kept.editedCells, kept.keptEdits, kept.updated], [1, 1, 0]);
    assert.equal(regionsSheet().value(row, 1), '我改过');
    const overwritten = await h.app.refresh({ overwriteEdits: true });
    assert.deepEqual([overwritten.updated, overwritten.keptEdits], [1, 0]);
    assert.equal(regionsSheet().value(row, 1), '华东区');
  });

  it('reloads everything when the server cannot honour the cursor (reset)', async () => {
    await h.app.pull('regions');
    const pulls = h.workbook.settings.get('salesSync.pulls') as Record<string, { cursor: string }>;
    h.workbook.settings.set('salesSync.pulls', {
      ...pulls,
      regions: { ...pulls.regions!, cursor: 'not-a-cursor' },
    });
    const report = await h.app.refresh();
    assert.equal(report.reset, true);
    assert.deepEqual(names().sort(), ['上海', '华东', '华南']);
  });

  it('keeps a dealer name that looks like a formula as text, and money as yuan', async () => {
    const name = '=HYPERLINK("http://evil.test","点我")';
    await push(h.server, {
      dataset: 'dealers',
      rows: [
        {
          values: {
            code: 'D-EVIL',
            name,
            regionCode: 'SH',
            channel: 'dealer',
            grade: 'B',
            creditLimit: 123456,
            paymentTermsDays: 30,
            status: 'active',
          },
        },
      ],
    });
    await h.app.pull('dealers');
    const sheet = h.workbook.sheet('经销商');
    const row = sheet.rows.findIndex((r) => r?.values[0] === 'D-EVIL');
    const headers = sheet.rows[0]!.values;
    const nameColumn = headers.indexOf('经销商名称');
    assert.equal(sheet.value(row, nameColumn), name);
    assert.equal(sheet.formula(row, nameColumn), undefined);
    assert.equal(sheet.value(row, headers.indexOf('信用额度')), 1234.56);
    assert.equal(sheet.format(row, headers.indexOf('信用额度')), '#,##0.00');
  });

  it('highlights stock below its safety level, and refresh moves the highlight', async () => {
    await h.app.pull('stock');
    const sheet = h.workbook.sheet('库存');
    const filled = () =>
      sheet.rows
        .slice(1)
        .filter((r) => r?.fills?.some((f) => f === '#FFC7CE'))
        .map((r) => `${String(r?.values[0])}|${String(r?.values[1])}`);
    assert.deepEqual(filled(), []);
    const res = await push(h.server, {
      dataset: 'adjustments',
      role: 'warehouse',
      rows: [
        {
          values: {
            date: '2026-11-27',
            locationCode: 'WH-E',
            skuCode: 'TEE-BLK-L',
            quantity: -18,
            reason: 'damage',
          },
        },
      ],
    });
    assert.equal(res.body.summary.applied, 1);
    const report = await h.app.refresh();
    assert.equal(report.updated, 1);
    assert.deepEqual(filled(), ['WH-E|TEE-BLK-L']);
  });

  it('keeps only the cells the user edited in a refreshed row, updates the others and lists the kept', async () => {
    await h.app.pull('stock');
    const sheet = h.workbook.sheet('库存');
    const headers = sheet.rows[0]!.values;
    const rowOf = (sku: string) =>
      sheet.rows.findIndex((r) => r?.values[0] === 'WH-E' && r.values[1] === sku);
    const row = rowOf('TEE-BLK-M');
    const safety = headers.indexOf('安全库存');
    const onHand = headers.indexOf('在库');
    const before = sheet.value(row, onHand) as number;
    sheet.rows[row]!.values[safety] = 999;
    const res = await push(h.server, {
      dataset: 'goods-receipts',
      role: 'warehouse',
      rows: [
        {
          values: {
            date: '2026-11-27',
            locationCode: 'WH-E',
            skuCode: 'TEE-BLK-M',
            quantity: 11,
            ref: 'GR-KEEP',
          },
        },
      ],
    });
    assert.equal(res.body.summary.applied, 1);
    const report = await h.app.refresh();
    assert.equal(sheet.value(row, onHand), before + 11, "the server's new figure is shown");
    assert.equal(sheet.value(row, safety), 999, 'the edited cell is kept');
    assert.deepEqual([report.updated, report.keptEdits], [1, 1]);
    const letter = String.fromCharCode(65 + safety);
    assert.deepEqual(report.keptCells, [
      { address: `${letter}${row + 1}`, sheetRow: row + 1, field: 'safetyStock' },
    ]);
    const overwritten = await h.app.refresh({ overwriteEdits: true });
    assert.equal(overwritten.keptEdits, 0);
    assert.notEqual(sheet.value(row, safety), 999);
  });

  it("moves the below-safety highlight without wiping the user's own fills", async () => {
    await h.app.pull('stock');
    const sheet = h.workbook.sheet('库存');
    const GREEN = '#00B050';
    const rowOf = (sku: string) => sheet.rows.findIndex((r) => r?.values[1] === sku);
    const adjust = async (quantity: number) => {
      const res = await push(h.server, {
        dataset: 'adjustments',
        role: 'warehouse',
        rows: [
          {
            values: {
              date: '2026-11-27',
              locationCode: 'WH-E',
              skuCode: 'TEE-BLK-L',
              quantity,
              reason: quantity < 0 ? 'damage' : 'found',
            },
          },
        ],
      });
      assert.equal(res.body.summary.applied, 1);
    };
    const low = rowOf('TEE-BLK-L');
    const other = low === 1 ? 2 : 1;
    (sheet.row(other).fills ??= [])[1] = GREEN;
    await adjust(-18);
    await h.app.refresh();
    assert.equal(sheet.fill(rowOf('TEE-BLK-L'), 1), '#FFC7CE');
    assert.equal(sheet.fill(other, 1), GREEN);
    await adjust(18);
    await h.app.refresh();
    assert.equal(sheet.fill(rowOf('TEE-BLK-L'), 1), undefined, 'the old highlight is cleared');
    assert.equal(sheet.fill(other, 1), GREEN, "the user's fill on another row stays");
  });

  it('needs no more syncs for a refresh of a 2,000-row table than of a 3-row one', async () => {
    await h.app.pull('regions');
    const syncsFor = async () => {
      const hd = (await serverRecords(h, 'regions')).get('HD')!;
      await push(h.server, {
        dataset: 'regions',
        rows: [
          {
            rowKey: hd.key,
            baseVersion: hd.version,
            values: { ...hd.values, name: `华东${hd.version}` },
          },
        ],
      });
      const before = h.workbook.syncCount;
      await h.app.refresh();
      return h.workbook.syncCount - before;
    };
    const small = await syncsFor();
    await push(h.server, {
      dataset: 'regions',
      rows: Array.from({ length: 2000 }, (_, i) => ({
        values: { code: `R${i}`, name: `区域${i}` },
      })),
    });
    await h.app.refresh();
    assert.equal(await syncsFor(), small);
  });
});
