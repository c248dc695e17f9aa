// A row changed on the server since the user pulled or pushed it: the push reports a conflict
// with both sides, and the user takes the server's values or keeps theirs.
import assert from 'node:assert/strict';
import sinon from 'sinon';
import { startAddin, type AddinHarness } from '../../support/addin';
import { push } from '../../support/fixtures';
import { bindSheet, cellOf, REGION_HEADERS, serverRecords } from './helpers';

describe('conflicts', () => {
  let h: AddinHarness;
  beforeEach(async () => {
    h = await startAddin({ role: 'manager' });
    await bindSheet(h, {
      sheet: 'Regions',
      dataset: 'regions',
      rows: [REGION_HEADERS, ['HD', '华东', null], ['HN', '华南', null]],
    });
    await h.app.push();
    // Someone else renames 华东 on the server (version 2); the user renames it too, locally.
    const key = String(cellOf(h, { sheet: 'Regions', row: 0, header: '_key' }));
    const res = await push(h.server, {
      dataset: 'regions',
      rows: [{ rowKey: key, baseVersion: 1, values: { code: 'HD', name: '华东区（总部）' } }],
    });
    assert.equal(res.body.summary.applied, 1);
    h.workbook.sheet('Regions').rows[1]!.values[1] = '华东大区';
  });
  afterEach(async () => {
    await h.close();
    sinon.restore();
  });

  async function pushConflict() {
    const report = await h.app.push();
    assert.equal(report.conflicts.length, 1);
    const conflict = report.conflicts[0]!;
    assert.deepEqual(conflict.fields, ['name']);
    assert.equal(conflict.mine.name, '华东大区');
    assert.equal(conflict.server.name, '华东区（总部）');
    assert.equal(conflict.serverVersion, 2);
    assert.match(String(cellOf(h, { sheet: 'Regions', row: 0, header: '_status' })), /^冲突：/);
    return conflict;
  }

  it('reports the conflict on the row where it is after a sort during the push', async () => {
    const sheet = h.workbook.sheet('Regions');
    const report = await h.app.push({
      onProgress: (p) => {
        if (p.done > 0) sheet.rows.splice(1, 2, sheet.rows[2], sheet.rows[1]); // HN above HD
      },
    });
    assert.equal(cellOf(h, { sheet: 'Regions', row: 0, header: '_status' }), '已接受：HN');
    assert.match(String(cellOf(h, { sheet: 'Regions', row: 1, header: '_status' })), /^冲突：/);
    assert.equal(report.conflicts[0]?.sheetRow, 3);
  });

  it("takes the server's values: the row shows them, is in step, and the next push sends nothing", async () => {
    const conflict = await pushConflict();
    await h.app.resolveConflict(conflict, 'server');
    assert.equal(cellOf(h, { sheet: 'Regions', row: 0, header: '区域名称' }), '华东区（总部）');
    assert.equal(String(cellOf(h, { sheet: 'Regions', row: 0, header: '_version' })), '2');
    assert.match(String(cellOf(h, { sheet: 'Regions', row: 0, header: '_hash' })), /^\w+$/);
    assert.equal((await h.app.push()).sent, 0);
    assert.equal((await serverRecords(h, 'regions')).get('HD')?.values.name, '华东区（总部）');
  });

  it('keeps mine: the next push overwrites the server on its current version', async () => {
    const conflict = await pushConflict();
    await h.app.resolveConflict(conflict, 'mine');
    assert.equal(cellOf(h, { sheet: 'Regions', row: 0, header: '区域名称' }), '华东大区');
    const report = await h.app.push();
    assert.deepEqual([report.applied, report.conflicts.length], [1, 0]);
    const record = (await serverRecords(h, 'regions')).get('HD');
    assert.deepEqual([record?.values.name, record?.version], ['华东大区', 3]);
  });
});
