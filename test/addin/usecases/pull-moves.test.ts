// The user sorts, or deletes a row, while a refresh's pages come in: the server's update lands on
// the row holding that record and its delete removes that record's row (found by `_key`); a row
// the user deleted meanwhile is skipped and counted, never replaced by a neighbour.
import assert from 'node:assert/strict';
import sinon from 'sinon';
import type { FakeRow } from '../../fakes/fake-cells';
import { startAddin, type AddinHarness } from '../../support/addin';
import { fixedNow, push, seedSalesData } from '../../support/fixtures';
import { cellOf, deleteBodyRow, reorderBody, serverRecords, type Reorder } from './helpers';

const SHEET = '区域';
const lastToTop: Reorder = (rows) => [...rows.slice(-1), ...rows.slice(0, -1)];

describe('refresh while the user sorts or deletes rows', () => {
  let h: AddinHarness;
  beforeEach(async () => {
    h = await startAddin({ role: 'manager', server: { now: fixedNow } });
    await seedSalesData(h.server);
    await h.app.pull('regions');
  });
  afterEach(async () => {
    await h.close();
    sinon.restore();
  });

  /** HD renamed, HN deleted and XB added on the server. */
  async function changeOnServer(): Promise<void> {
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
  }

  /** Runs `step` once the pages are in, before anything is written. */
  const afterFetch = (step: () => void) => ({ onProgress: sinon.spy(step) });

  const codes = () => {
    const count = h.workbook.tables[0]!.bodyCount;
    return Array.from({ length: count }, (_, row) =>
      String(cellOf(h, { sheet: SHEET, row, header: '区域编码' })),
    );
  };

  /** Each row's name and key are its own record's on the server. */
  async function assertRowsMatchServer(): Promise<void> {
    const records = await serverRecords(h, 'regions');
    codes().forEach((code, row) => {
      const record = records.get(code);
      assert.equal(cellOf(h, { sheet: SHEET, row, header: '区域名称' }), record?.values.name, code);
      assert.equal(cellOf(h, { sheet: SHEET, row, header: '_key' }), record?.key, `key of ${code}`);
    });
  }

  it('updates and removes the rows holding those records after a sort', async () => {
    await changeOnServer();
    const readColumn = sinon.spy(h.port, 'readColumn');
    const options = afterFetch(() => reorderBody(h, SHEET, lastToTop));
    const report = await h.app.refresh(options);
    assert.equal(options.onProgress.callCount, 1, 'the table was re-sorted during the fetch');
    assert.deepEqual([report.updated, report.removed, report.added, report.unplaced], [1, 1, 1, 0]);
    assert.deepEqual(codes().sort(), ['HD', 'SH', 'XB'], 'HN is the row removed');
    assert.equal(
      cellOf(h, { sheet: SHEET, row: codes().indexOf('HD'), header: '区域名称' }),
      '华东区',
    );
    await assertRowsMatchServer();
    assert.equal(readColumn.callCount, 1, 'one read of the key column');
    const quiet = await h.app.refresh();
    assert.deepEqual([quiet.updated, quiet.removed, quiet.added], [0, 0, 0]);
    assert.equal(readColumn.callCount, 1, 'nothing to write, nothing read again');
  });

  it('skips the change of a row the user deleted during the fetch, and counts it', async () => {
    await changeOnServer();
    const isHd = (row: FakeRow) => row.values[0] === 'HD';
    const report = await h.app.refresh(
      afterFetch(() => {
        deleteBodyRow(h, { sheet: SHEET, isIt: isHd });
        reorderBody(h, SHEET, lastToTop);
      }),
    );
    assert.deepEqual([report.updated, report.removed, report.added, report.unplaced], [0, 1, 1, 1]);
    assert.deepEqual(codes().sort(), ['SH', 'XB'], 'HN removed, SH kept, HD not brought back');
    await assertRowsMatchServer();
  });
});
