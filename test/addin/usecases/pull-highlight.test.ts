// The below-safety highlight of pulled stock follows its rows by `_key`: the user sorts the table
// between refreshes or during one, and the fill still lands on exactly the rows below safety, the
// old fill leaves the rows no longer below, and the user's own fill survives. A workbook whose
// memory holds positions (before keys) is cleared by them once, then remembered by key.
import assert from 'node:assert/strict';
import sinon from 'sinon';
import type { FakeRow } from '../../fakes/fake-cells';
import { startAddin, type AddinHarness } from '../../support/addin';
import { fixedNow, push, seedSalesData } from '../../support/fixtures';
import { cellOf, reorderBody, serverRecords, type Reorder } from './helpers';

const SHEET = '库存';
const TABLE = 'ss_pull_stock';
const BELOW = '#FFC7CE';
const GREEN = '#00B050';
const LOW = 'WH-E|TEE-BLK-L';
const NEXT_LOW = 'WH-E|SOCK-WHT-F';

/** Sort by SKU, then location, Z to A: as a user sorts the stock sheet. */
const bySkuDescending: Reorder = (rows) => {
  const sortKey = (row: FakeRow) => `${String(row.values[1])}|${String(row.values[0])}`;
  return [...rows].sort((a, b) => sortKey(b).localeCompare(sortKey(a)));
};

describe('below-safety highlight while the user sorts', () => {
  let h: AddinHarness;
  beforeEach(async () => {
    h = await startAddin({ role: 'manager', server: { now: fixedNow } });
    await seedSalesData(h.server);
    await h.app.pull('stock');
    await adjust([{ key: LOW, quantity: -18 }]);
    await h.app.refresh();
    assert.deepEqual(filledKeys(), [LOW], 'one row below safety to start from');
  });
  afterEach(async () => {
    await h.close();
    sinon.restore();
  });

  const sheet = () => h.workbook.sheet(SHEET);

  /** Stock adjustments on the server, by `location|sku` key. */
  async function adjust(changes: { key: string; quantity: number }[]): Promise<void> {
    const rows = changes.map(({ key, quantity }) => {
      const [locationCode, skuCode] = key.split('|');
      const reason = quantity < 0 ? 'damage' : 'found';
      return { values: { date: '2026-11-27', locationCode, skuCode, quantity, reason } };
    });
    const res = await push(h.server, { dataset: 'adjustments', role: 'warehouse', rows });
    assert.equal(res.body.summary.applied, changes.length);
  }

  const keyAt = (row: number) => String(cellOf(h, { sheet: SHEET, row, header: '_key' }));
  const bodyRows = () => Array.from({ length: h.workbook.tables[0]!.bodyCount }, (_, row) => row);
  /** Sheet row (header = 0) holding the record with this key. */
  const sheetRowOf = (key: string) => 1 + bodyRows().findIndex((row) => keyAt(row) === key);
  const filledKeys = () =>
    bodyRows()
      .filter((row) => sheet().rows[row + 1]?.fills?.some((f) => f === BELOW))
      .map(keyAt)
      .sort();

  async function belowOnServer(): Promise<string[]> {
    const records = await serverRecords(h, 'stock');
    return [...records.values()]
      .filter((r) => r.values.belowSafety === true)
      .map((r) => r.key)
      .sort();
  }

  /** The user's own fill on one cell of the row with this key. */
  function paintGreen(key: string): void {
    const row = sheetRowOf(key);
    (sheet().row(row).fills ??= [])[2] = GREEN;
  }

  it('moves the fill to the right rows after a sort between refreshes', async () => {
    const lowAt = sheetRowOf(LOW);
    reorderBody(h, SHEET, bySkuDescending);
    const movedIn = keyAt(lowAt - 1);
    assert.notEqual(movedIn, LOW, 'the sort moved the highlighted row');
    assert.notEqual(movedIn, NEXT_LOW);
    paintGreen(movedIn);
    await adjust([
      { key: LOW, quantity: 18 },
      { key: NEXT_LOW, quantity: -50 },
    ]);
    const readColumn = sinon.spy(h.port, 'readColumn');
    const report = await h.app.refresh();
    assert.equal(report.updated, 2);
    assert.deepEqual(await belowOnServer(), [NEXT_LOW]);
    assert.deepEqual(filledKeys(), [NEXT_LOW], 'only the row below safety is filled');
    assert.equal(sheet().fill(sheetRowOf(movedIn), 2), GREEN, "the user's fill stays");
    assert.equal(readColumn.callCount, 2, 'one key read to place the write, one to highlight');
  });

  it('fills the right rows when the user sorts during the fetch', async () => {
    paintGreen('WH-E|TEE-BLK-M');
    await adjust([
      { key: LOW, quantity: 18 },
      { key: NEXT_LOW, quantity: -50 },
    ]);
    const onProgress = sinon.spy(() => reorderBody(h, SHEET, bySkuDescending));
    await h.app.refresh({ onProgress });
    assert.equal(onProgress.callCount, 1, 'the table was re-sorted during the fetch');
    assert.deepEqual(filledKeys(), await belowOnServer());
    assert.deepEqual(filledKeys(), [NEXT_LOW]);
    assert.equal(sheet().fill(sheetRowOf('WH-E|TEE-BLK-M'), 2), GREEN, "the user's fill stays");
  });

  it('clears by the positions of an older memory once, then remembers keys', async () => {
    const lowRow = sheetRowOf(LOW) - 1;
    h.workbook.settings.set('salesSync.highlightedRows', { [TABLE]: [lowRow] });
    await adjust([{ key: LOW, quantity: 18 }]);
    await h.app.refresh();
    assert.deepEqual(filledKeys(), []);
    assert.equal(h.workbook.settings.get('salesSync.highlightedRows'), undefined);
    await adjust([{ key: NEXT_LOW, quantity: -50 }]);
    await h.app.refresh();
    assert.deepEqual(h.workbook.settings.get('salesSync.highlightedRows'), { [TABLE]: [NEXT_LOW] });
  });
});
