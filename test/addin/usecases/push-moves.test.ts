// The user sorts, or deletes a row, while a chunked push is out: every result still lands on the
// row holding that row's data (found by `_key`), a row deleted meanwhile is skipped and counted,
// and an invalid row without a key is left alone once rows moved.
import assert from 'node:assert/strict';
import sinon from 'sinon';
import type { AddinApp } from '../../../addin/app-api';
import type { Transport } from '../../../addin/core/transport';
import { startAddin, type AddinHarness } from '../../support/addin';
import {
  bindSheet,
  cellOf,
  deleteBodyRow,
  pushedMutations,
  REGION_HEADERS,
  reorderBody as reorderSheet,
  serverRecords,
  type Reorder,
} from './helpers';

/** Publishes a smaller push limit in meta, so a few rows go out in several chunks. */
function chunkedBy(inner: Transport, maxRows: number): Transport {
  return {
    async send(request) {
      const response = await inner.send(request);
      if (new URL(request.url).pathname !== '/api/v1/meta' || response.status !== 200)
        return response;
      const meta = JSON.parse(response.text) as { limits: Record<string, number> };
      meta.limits.maxMutationsPerPush = maxRows;
      return { ...response, text: JSON.stringify(meta) };
    },
  };
}

const byCodeDescending: Reorder = (rows) =>
  [...rows].sort((a, b) => String(b.values[0]).localeCompare(String(a.values[0])));
const lastToTop: Reorder = (rows) => [...rows.slice(-1), ...rows.slice(0, -1)];

describe('push while the user sorts or deletes rows', () => {
  let h: AddinHarness;
  let app: AddinApp;
  beforeEach(async () => {
    h = await startAddin({ role: 'manager' });
    app = h.reopen(chunkedBy(h.transport, 2));
  });
  afterEach(async () => {
    await h.close();
    sinon.restore();
  });

  const SHEET = 'Regions';
  const regions = (count: number) =>
    Array.from({ length: count }, (_, i) => [`R${i}`, `区域${i}`, null]);

  const reorderBody = (reorder: Reorder) => reorderSheet(h, SHEET, reorder);
  const deleteRowOf = (code: string) =>
    deleteBodyRow(h, { sheet: SHEET, isIt: (row) => row.values[0] === code });

  /** Calls `steps[i]` after the i-th chunk came back (the last one before results are written). */
  function afterChunks(...steps: (() => void)[]) {
    let chunk = 0;
    return {
      onProgress: (p: { done: number }) => {
        if (p.done > 0) steps[chunk++]?.();
      },
    };
  }

  const cell = (row: number, header: string) => cellOf(h, { sheet: SHEET, row, header });

  async function assertEveryRowHasItsOwnResult(): Promise<void> {
    const records = await serverRecords(h, 'regions');
    const count = h.workbook.tables[0]!.bodyCount;
    for (let row = 0; row < count; row += 1) {
      const code = String(cell(row, '区域编码'));
      assert.equal(cell(row, '_status'), `已接受：${code}`, `row ${row} (${code})`);
      assert.equal(cell(row, '_key'), records.get(code)?.key, `key of ${code}`);
      assert.equal(String(cell(row, '_version')), '1', `version of ${code}`);
    }
    assert.equal((await app.push()).sent, 0, 'every row is in step: its digest came with it');
  }

  it('writes each result on the row holding its data after sorts between chunks', async () => {
    await bindSheet(h, { sheet: SHEET, dataset: 'regions', rows: [REGION_HEADERS, ...regions(6)] });
    const send = sinon.spy(h.transport, 'send');
    const reverse = () => reorderBody((rows) => [...rows].reverse());
    const report = await app.push(
      afterChunks(
        reverse,
        () => reorderBody(lastToTop),
        () => reorderBody(byCodeDescending),
      ),
    );
    assert.deepEqual(
      pushedMutations(send).map((m) => m.length),
      [2, 2, 2],
    );
    assert.deepEqual([report.sent, report.applied], [6, 6]);
    assert.equal(cell(0, '区域编码'), 'R5', 'the table really was re-sorted');
    await assertEveryRowHasItsOwnResult();
    assert.equal(report.unplaced, 0);
  });

  it('skips the result of a row deleted during the push, and counts it', async () => {
    await bindSheet(h, { sheet: SHEET, dataset: 'regions', rows: [REGION_HEADERS, ...regions(6)] });
    const report = await app.push(
      afterChunks(() => {
        deleteRowOf('R0');
        reorderBody(byCodeDescending);
      }),
    );
    assert.deepEqual([report.sent, report.applied], [6, 6]);
    assert.equal(h.workbook.tables[0]!.bodyCount, 5);
    await assertEveryRowHasItsOwnResult();
    assert.equal(report.unplaced, 1);
    assert.ok((await serverRecords(h, 'regions')).has('R0'), 'the server kept what it accepted');
  });

  it('puts an invalid row with a key by its key, and leaves one without a key once rows moved', async () => {
    await bindSheet(h, {
      sheet: SHEET,
      dataset: 'regions',
      rows: [REGION_HEADERS, ...regions(4), ['XB', null, 'ZZ']],
    });
    await app.push();
    const statusColumn = h.workbook.tableHeaders(h.workbook.tables[0]!.name).indexOf('_status');
    const sheet = h.workbook.sheet(SHEET);
    sheet.rows[5]!.values[statusColumn] = null; // XB: no key, its old reasons cleared
    sheet.rows[2]!.values[1] = null; // R1 becomes invalid; it has a key
    sheet.rows[3]!.values[1] = '区域二'; // R2 changed: sent
    const report = await app.push(afterChunks(() => reorderBody(lastToTop)));
    assert.deepEqual([report.sent, report.applied, report.skippedInvalid], [1, 1, 2]);
    assert.deepEqual(
      Array.from({ length: 5 }, (_, row) => cell(row, '区域编码')),
      ['XB', 'R0', 'R1', 'R2', 'R3'],
    );
    assert.equal(cell(0, '_status'), null, 'XB cannot be found: left for the next check');
    assert.equal(cell(1, '_status'), '已接受：R0');
    assert.equal(cell(2, '_status'), '未上传，请先改正：“区域名称”必填。');
    assert.equal(cell(3, '_status'), '已接受：R2');
    assert.equal(String(cell(3, '_version')), '2');
    assert.equal(cell(4, '_status'), '已接受：R3');
  });
});
