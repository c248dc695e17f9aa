// The add-in's memory of what it coloured: kept per sheet and per table in the workbook's
// settings, the highlight by key; an older memory of row positions still read, and followed
// through a write that deleted rows above them.
import assert from 'node:assert/strict';
import sinon from 'sinon';
import {
  readHighlightMemory,
  readMarkedCells,
  rememberHighlightedKeys,
  rememberMarkedCells,
  rowsAfterDeletes,
} from '../../../addin/core/mark-memory';
import { createOfficePort } from '../../../addin/excel/office-port';
import { installFakeOffice, uninstallFakeOffice } from '../../fakes/fake-excel';

describe('mark memory', () => {
  afterEach(() => {
    uninstallFakeOffice(globalThis);
    sinon.restore();
  });

  const cases: { rows: number[]; deletes: number[]; after: number[] }[] = [
    { rows: [0, 3, 5], deletes: [], after: [0, 3, 5] },
    { rows: [0, 3, 5], deletes: [3], after: [0, 4] },
    { rows: [2, 7], deletes: [0, 1, 4], after: [0, 4] },
    { rows: [4], deletes: [9], after: [4] },
  ];
  for (const { rows, deletes, after } of cases) {
    it(`rows ${rows.join(',')} after deleting ${deletes.join(',') || 'nothing'} are ${after.join(',')}`, () => {
      assert.deepEqual(rowsAfterDeletes(rows, deletes), after);
    });
  }

  it('keeps cells per sheet and rows per table, and forgets an empty entry', async () => {
    const workbook = installFakeOffice(globalThis, { excelApi: '1.18' });
    const port = createOfficePort();
    await rememberMarkedCells(port, 'Orders', ['$c$5', 'Orders!F9', 'C5']);
    await rememberMarkedCells(port, 'Stock', ['A2']);
    assert.deepEqual(await readMarkedCells(port, 'Orders'), ['C5', 'F9']);
    await rememberMarkedCells(port, 'Orders', []);
    assert.deepEqual(await readMarkedCells(port, 'Orders'), []);
    assert.deepEqual(await readMarkedCells(port, 'Stock'), ['A2']);
    await rememberHighlightedKeys(port, 'StockTable', ['WH-E|A', 'WH-S|B', 'WH-E|A']);
    assert.deepEqual(await readHighlightMemory(port, 'StockTable'), {
      keys: ['WH-E|A', 'WH-S|B'],
      rows: [],
    });
    await rememberHighlightedKeys(port, 'StockTable', []);
    assert.equal(workbook.savedSettings.has('salesSync.highlightedRows'), false);
  });

  it('reads a memory of positions from before keys, and replaces it with keys', async () => {
    installFakeOffice(globalThis, { excelApi: '1.18' });
    const port = createOfficePort();
    await port.writeSettings({ 'salesSync.highlightedRows': { StockTable: [1, 4], Other: [2] } });
    assert.deepEqual(await readHighlightMemory(port, 'StockTable'), { keys: [], rows: [1, 4] });
    await rememberHighlightedKeys(port, 'StockTable', ['WH-E|A']);
    assert.deepEqual(await readHighlightMemory(port, 'StockTable'), { keys: ['WH-E|A'], rows: [] });
    assert.deepEqual(await readHighlightMemory(port, 'Other'), { keys: [], rows: [2] });
  });

  it('reads a hand-edited memory as empty instead of failing', async () => {
    installFakeOffice(globalThis, { excelApi: '1.18' });
    const port = createOfficePort();
    await port.writeSettings({ 'salesSync.markedCells': 'oops' });
    assert.deepEqual(await readMarkedCells(port, 'Orders'), []);
  });
});
