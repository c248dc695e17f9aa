// The 销控表 grid over the fake host and the real server: one sheet per building, floors as rows
// (top first), units as columns, each cell the room and list total filled by status, a legend
// and the totals (released, sold, 去化率); a unit sold on the server and a refresh rewrite only
// that unit's cell and the totals it moves.
import assert from 'node:assert/strict';
import { STATUS_FILLS } from '../../../addin/core/estate-grid';
import { startAddin, type AddinHarness } from '../../support/addin';
import { must, pushAs, subscription } from '../../server/estate-helpers';

/** 89.50 m² at ¥32,000.00/m²: a list total of ¥2,864,000.00. */
const unit = (code: string, at: { building?: string; floor: number; room: string }) => ({
  code,
  buildingCode: at.building ?? 'B1',
  entrance: '1',
  floor: at.floor,
  room: at.room,
  grossArea: 8_950,
  netArea: 7_123,
  listUnitPrice: 3_200_000,
  status: 'unreleased',
});

describe('销控表 grid', () => {
  let h: AddinHarness;
  before(async () => {
    h = await startAddin({ role: 'sales' });
    await must(h.server, 'manager', 'estate-projects', [
      { code: 'P1', name: '滨江一号', holdDays: 3, status: 'active' },
    ]);
    await must(h.server, 'manager', 'estate-buildings', [
      { code: 'B1', projectCode: 'P1', name: '1栋', status: 'active' },
      { code: 'B2', projectCode: 'P1', name: '2栋', status: 'active' },
    ]);
    const units = [
      unit('B1-0801', { floor: 8, room: '801' }),
      unit('B1-0802', { floor: 8, room: '802' }),
      unit('B1-0901', { floor: 9, room: '901' }),
      unit('B1-0902', { floor: 9, room: '902' }),
      unit('B2-0101', { building: 'B2', floor: 1, room: '101' }),
    ];
    const keys = units.map((u) => `unit-${u.code}`);
    await must(h.server, 'manager', 'estate-units', units, keys);
    // Released, all but 902 (still 未推).
    const release = units
      .filter((u) => u.code !== 'B1-0902')
      .map((u) => ({
        rowKey: `unit-${u.code}`,
        baseVersion: 1,
        values: { ...u, status: 'available' },
      }));
    const res = await pushAs(h.server, 'manager', 'estate-units', release);
    assert.equal(res.body.summary.applied, 4, JSON.stringify(res.body));
    const sold = await pushAs(h.server, 'sales', 'estate-subscriptions', [
      { values: subscription('B1-0801') },
    ]);
    assert.equal(sold.body.summary.applied, 1, JSON.stringify(sold.body));
  });
  after(async () => {
    await h.close();
  });

  const sheet = () => h.workbook.sheet('销控表-B1');
  const at = (address: string) => {
    const column = address.charCodeAt(0) - 65;
    const row = Number(address.slice(1)) - 1;
    return { value: sheet().value(row, column), fill: sheet().fill(row, column) ?? null };
  };
  const snapshot = () => {
    const cells: Record<string, { value: unknown; fill: string | null }> = {};
    for (let r = 0; r < 8; r += 1)
      for (let c = 0; c < 10; c += 1)
        cells[`${String.fromCharCode(65 + c)}${r + 1}`] = {
          value: sheet().value(r, c),
          fill: sheet().fill(r, c) ?? null,
        };
    return cells;
  };

  it('lays out floors top first, units as columns, coloured, with the legend and totals', async () => {
    const report = await h.app.pullGrid();
    assert.deepEqual(
      report.sheets.map((s) => [s.sheetName, s.units, s.released, s.sold, s.sellThroughBp]),
      [
        ['销控表-B1', 4, 3, 1, 3_333],
        ['销控表-B2', 1, 1, 0, 0],
      ],
    );
    assert.deepEqual(
      ['A1', 'A2', 'B2', 'C2', 'A3', 'A4'].map((a) => at(a).value),
      ['销控表 B1', '楼层', '1单元 01', '1单元 02', 9, 8],
    );
    assert.deepEqual(at('B3'), { value: '901 ¥2,864,000.00', fill: STATUS_FILLS.available });
    assert.deepEqual(at('C3'), { value: '902 ¥2,864,000.00', fill: STATUS_FILLS.unreleased });
    assert.deepEqual(at('B4'), { value: '801 ¥2,864,000.00', fill: STATUS_FILLS.subscribed });
    assert.deepEqual(at('C4').fill, STATUS_FILLS.available);
    assert.deepEqual(report.sheets[0]!.unitCells, {
      'B1-0901': 'B3',
      'B1-0902': 'C3',
      'B1-0801': 'B4',
      'B1-0802': 'C4',
    });
    // The legend: each status in its colour.
    assert.deepEqual([at('A6').value, at('B6').value, at('C6').value], ['图例', '未推', '可售']);
    assert.equal(at('F6').fill, STATUS_FILLS.subscribed);
    // Totals: released 3, sold 1, 去化率 1 ÷ 3 = 33.33%.
    assert.deepEqual(
      ['A7', 'B7', 'C7', 'D7', 'E7', 'F7', 'G7'].map((a) => at(a).value),
      ['合计', '已推', 3, '已售', 1, '去化率', '33.33%'],
    );
  });

  it('refreshes in place: only the sold unit’s cell is recoloured, and the totals follow', async () => {
    const before = snapshot();
    const sold = await pushAs(h.server, 'sales', 'estate-subscriptions', [
      { values: subscription('B1-0802') },
    ]);
    assert.equal(sold.body.summary.applied, 1, JSON.stringify(sold.body));
    const report = await h.app.pullGrid();
    assert.deepEqual(
      report.sheets.map((s) => [s.sheetName, s.changedCells]),
      [
        ['销控表-B1', ['C4', 'E7', 'G7']],
        ['销控表-B2', []],
      ],
    );
    const after = snapshot();
    const differs = Object.keys(after).filter(
      (a) => JSON.stringify(after[a]) !== JSON.stringify(before[a]),
    );
    assert.deepEqual(differs, ['C4', 'E7', 'G7']);
    assert.equal(at('C4').fill, STATUS_FILLS.subscribed);
    const recoloured = Object.keys(after).filter((a) => after[a]!.fill !== before[a]!.fill);
    assert.deepEqual(recoloured, ['C4'], 'one cell changed colour');
    assert.equal(at('G7').value, '66.67%');
  });

  it('writes the whole grid again when its sheet was deleted', async () => {
    h.workbook.sheets.splice(
      h.workbook.sheets.findIndex((s) => s.name === '销控表-B2'),
      1,
    );
    const report = await h.app.pullGrid();
    assert.ok(report.sheets[1]!.changedCells.includes('B3'));
    assert.equal(h.workbook.sheet('销控表-B2').value(2, 1), '101 ¥2,864,000.00');
  });
});
