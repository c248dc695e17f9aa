// readColumn over the fake host: one table column's body in one sync; an answer over the size
// limit is read again in halves.

import assert from 'node:assert/strict';
import sinon from 'sinon';
import { createOfficePort } from '../../../addin/excel/office-port';
import { installFakeOffice, uninstallFakeOffice, type FakeWorkbook } from '../../fakes/fake-excel';

describe('office port: readColumn', () => {
  let workbook: FakeWorkbook;
  const port = createOfficePort();
  const keys = ['k-3', null, 'k-1', 'k-2', 'k-5'];

  beforeEach(() => {
    workbook = installFakeOffice(globalThis, { excelApi: '1.18' });
    workbook.addSheet('Regions', [
      ['名称', '_status', '_key'],
      ...keys.map((key, i) => [`区域${i}`, null, key]),
      ['below the table', null, 'not-a-key'],
    ]);
    workbook.addTable('Regions', 'A1:C6', 'RegionsTable');
  });

  afterEach(() => {
    uninstallFakeOffice(globalThis);
    sinon.restore();
  });

  it("reads a column's body, top to bottom, in one sync", async () => {
    const before = workbook.syncCount;
    const values = await port.readColumn({ tableName: 'RegionsTable', column: '_key' });
    assert.deepEqual(values, keys);
    assert.equal(workbook.syncCount - before, 1);
  });

  it('reads the column again in halves when the answer is too large', async () => {
    workbook.injectedFailures.push('ResponsePayloadSizeLimitExceeded');
    const before = workbook.syncCount;
    const values = await port.readColumn({ tableName: 'RegionsTable', column: '_key' });
    assert.deepEqual(values, keys);
    // The failed read, the column's address, then two halves.
    assert.equal(workbook.syncCount - before, 4);
  });

  it('passes other failures on', async () => {
    await assert.rejects(port.readColumn({ tableName: 'RegionsTable', column: '_nope' }), {
      code: 'ItemNotFound',
    });
  });
});
