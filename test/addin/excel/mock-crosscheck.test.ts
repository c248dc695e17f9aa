// Cross-check: the same port operation (markCells on an ExcelApi 1.8 host) against the fake host
// and against office-addin-mock, Microsoft's mock library. Both must record the same effect, so
// the fake is not just agreeing with the port it was written alongside.

import assert from 'node:assert/strict';
import sinon from 'sinon';
import { OfficeMockObject } from 'office-addin-mock';
import { createOfficePort } from '../../../addin/excel/office-port';
import { installFakeOffice, uninstallFakeOffice } from '../../fakes/fake-excel';

interface MockRange {
  format: { fill: { color?: string } };
}

function mockExcel(fills: Map<string, MockRange>): { Excel: unknown; Office: unknown } {
  const sheet = {
    getRange(address: string): MockRange {
      const range = fills.get(address) ?? { format: { fill: {} } };
      fills.set(address, range);
      return range;
    },
  };
  const excelData: object = {
    context: {
      workbook: {
        worksheets: { getItem: (name: string) => (name === 'Orders' ? sheet : undefined) },
      },
    },
    run: async function run(
      this: { context: unknown },
      batch: (context: unknown) => Promise<unknown>,
    ) {
      return batch(this.context);
    },
  };
  const excel = new OfficeMockObject(excelData);
  const officeData: object = { context: { requirements: { isSetSupported: () => false } } };
  const office = new OfficeMockObject(officeData);
  return { Excel: excel, Office: office };
}

describe('office port cross-check with office-addin-mock', () => {
  const marks = [
    { address: 'B3', reason: '数量必须大于 0' },
    { address: 'A2', reason: '未知经销商' },
  ];

  afterEach(() => {
    uninstallFakeOffice(globalThis);
    sinon.restore();
  });

  it('markCells on ExcelApi 1.8 fills the same cells with the same colour in both hosts', async () => {
    const fills = new Map<string, MockRange>();
    Object.assign(globalThis, mockExcel(fills));
    const mocked = await createOfficePort().markCells({
      sheetName: 'Orders',
      marks,
      color: '#FFC7CE',
    });
    uninstallFakeOffice(globalThis);

    const workbook = installFakeOffice(globalThis, { excelApi: '1.8' });
    workbook.addSheet('Orders', [
      ['经销商', '数量'],
      ['华东商贸', 5],
      ['华北商贸', -1],
    ]);
    const faked = await createOfficePort().markCells({
      sheetName: 'Orders',
      marks,
      color: '#FFC7CE',
    });

    assert.equal(mocked.noteMode, 'none');
    assert.equal(faked.noteMode, mocked.noteMode);
    const mockedCells = [...fills].map(([address, range]) => [address, range.format.fill.color]);
    const sheet = workbook.sheet('Orders');
    const fakedCells = [
      ['B3', sheet.fill(2, 1)],
      ['A2', sheet.fill(1, 0)],
    ];
    assert.deepEqual(mockedCells.sort(), fakedCells.sort());
  });
});
