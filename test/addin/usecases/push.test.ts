// Push over the fake host and the real server: only new and edited rows travel, results come
// back into `_status`, `_key` and `_version`, and a second push sends nothing.
import assert from 'node:assert/strict';
import sinon from 'sinon';
import { startAddin, type AddinHarness } from '../../support/addin';
import { bindSheet, cellOf, pushedMutations, REGION_HEADERS, serverRecords } from './helpers';

describe('push', () => {
  let h: AddinHarness;
  beforeEach(async () => {
    h = await startAddin({ role: 'manager' });
  });
  afterEach(async () => {
    await h.close();
    sinon.restore();
  });

  const rows = () => [
    REGION_HEADERS,
    ['HD', '华东', null],
    ['SH', '上海', 'HD'],
    ['HN', '华南', null],
  ];

  it('sends new rows once, writes _status/_key/_version, and sends nothing the second time', async () => {
    await bindSheet(h, { sheet: 'Regions', dataset: 'regions', rows: rows() });
    const send = sinon.spy(h.transport, 'send');
    const report = await h.app.push();
    assert.deepEqual([report.sent, report.applied, report.rejected], [3, 3, 0]);
    assert.deepEqual(
      pushedMutations(send).map((m) => m.length),
      [3],
    );
    assert.equal(cellOf(h, { sheet: 'Regions', row: 1, header: '_status' }), '已接受：SH');
    const key = String(cellOf(h, { sheet: 'Regions', row: 1, header: '_key' }));
    assert.match(key, /^[0-9a-f-]{36}$/);
    assert.equal(String(cellOf(h, { sheet: 'Regions', row: 1, header: '_version' })), '1');
    assert.match(String(cellOf(h, { sheet: 'Regions', row: 1, header: '_hash' })), /^\w+$/);
    assert.equal((await serverRecords(h, 'regions')).get('SH')?.key, key);

    send.resetHistory();
    const again = await h.app.push();
    assert.equal(again.sent, 0);
    assert.deepEqual(pushedMutations(send), []);
  });

  it('lists the rows the server refused, each at its _status cell with the reasons', async () => {
    const bad = [...rows(), ['XB', '西北', 'NOPE']];
    await bindSheet(h, { sheet: 'Regions', dataset: 'regions', rows: bad });
    const report = await h.app.push({ onlyValid: false });
    assert.equal(report.rejected, 1);
    const headers = h.workbook.sheet('Regions').rows[0]!.values;
    const letter = String.fromCharCode(65 + headers.indexOf('_status'));
    assert.deepEqual(
      report.rejections?.map((r) => [r.address, r.sheetRow, r.severity]),
      [[`${letter}5`, 5, 'error']],
    );
    assert.match(String(report.rejections.map((r) => r.message)), /NOPE/);
  });

  it('sends only the edited and the added row, the edit on its base version', async () => {
    await bindSheet(h, { sheet: 'Regions', dataset: 'regions', rows: rows() });
    await h.app.push();
    const sheet = h.workbook.sheet('Regions');
    sheet.rows[1]!.values[1] = '华东大区';
    const send = sinon.spy(h.transport, 'send');
    const report = await h.app.push();
    assert.equal(report.applied, 1);
    const [mutations = []] = pushedMutations(send);
    assert.deepEqual(
      mutations.map((m) => m.baseVersion),
      [1],
    );
    assert.equal(String(cellOf(h, { sheet: 'Regions', row: 0, header: '_version' })), '2');
    assert.match(String(cellOf(h, { sheet: 'Regions', row: 0, header: '_hash' })), /^\w+$/);
    assert.equal((await serverRecords(h, 'regions')).get('HD')?.values.name, '华东大区');
  });

  it('skips invalid rows, says why in _status, and counts them', async () => {
    await bindSheet(h, {
      sheet: 'Regions',
      dataset: 'regions',
      rows: [...rows(), ['XB', null, 'ZZ']],
    });
    const send = sinon.spy(h.transport, 'send');
    const report = await h.app.push();
    assert.deepEqual([report.sent, report.skippedInvalid], [3, 1]);
    assert.equal(pushedMutations(send)[0]?.length, 3);
    assert.equal(
      cellOf(h, { sheet: 'Regions', row: 3, header: '_status' }),
      '未上传，请先改正：“区域名称”必填。区域“ZZ”不存在。',
    );
    assert.equal(cellOf(h, { sheet: 'Regions', row: 3, header: '_key' }), null);
  });

  it('keeps the digest in a hidden _hash column when the table has one', async () => {
    h.workbook.addSheet('Regions', [
      [...REGION_HEADERS, '_status', '_key', '_version', '_hash'],
      ['HD', '华东', null, null, null, null, null],
    ]);
    h.workbook.addTable('Regions', 'A1:G2', 'RegionsTable');
    h.workbook.select('Regions', 'A2');
    await h.app.confirmBinding(await h.app.proposeBinding('regions'));
    await h.app.push();
    assert.equal(cellOf(h, { sheet: 'Regions', row: 0, header: '_version' }), 1);
    assert.match(
      String(cellOf(h, { sheet: 'Regions', row: 0, header: '_hash' })),
      /^[0-9a-z]{12}$/,
    );
    assert.equal((await h.app.push()).sent, 0);
  });

  it('writes the server reasons when it rejects a row', async () => {
    await bindSheet(h, {
      sheet: 'Regions',
      dataset: 'regions',
      rows: [REGION_HEADERS, ['HD', '华东', null], ['HX', '华东二', null]],
    });
    await h.app.push();
    h.workbook.sheet('Regions').rows[2]!.values[0] = 'HD';
    const report = await h.app.push();
    assert.equal(report.conflicts.length + report.rejected, 1);
    assert.match(String(cellOf(h, { sheet: 'Regions', row: 1, header: '_status' })), /HD/);
  });
});
