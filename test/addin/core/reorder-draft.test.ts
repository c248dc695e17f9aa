// The 补货 draft's rules, pure (docs/sell-out.md, "From suggestions to a 补货 order"): one line
// per visible suggestion above zero, one order number per location, the dealer a location names
// before the one picked, the picked ship-from over the suggestion's location.
import assert from 'node:assert/strict';
import { draftReorder, reorderRef } from '../../../addin/core/reorder-draft';

const row = (
  locationCode: string,
  skuCode: string,
  suggestedQuantity: unknown,
  hidden = false,
) => ({
  values: { locationCode, skuCode, suggestedQuantity },
  hidden,
});

const rows = [
  row('WH-E', 'A', 12),
  row('ST-1', 'A', 6),
  row('WH-E', 'B', 0), // nothing suggested
  row('WH-E', 'C', 5, true), // hidden by the user
  row('WH-E', 'D', 24),
  row('ST-1', 'B', 3),
];

describe('the 补货 draft', () => {
  let n = 0;
  const input = {
    orderDate: '2026-11-27',
    newRef: () => `R${++n}`,
    dealerFor: (location: string) => (location === 'ST-1' ? 'OWN-1' : 'D-1'),
  };
  beforeEach(() => {
    n = 0;
  });

  it('gives one line per visible suggestion above zero, one order number per location', () => {
    const { lines, withoutDealer } = draftReorder(rows, input);
    assert.deepEqual(
      lines.map((l) => [l.orderRef, l.dealerCode, l.skuCode, l.quantity, l.locationCode]),
      [
        ['R1', 'D-1', 'A', 12, 'WH-E'],
        ['R2', 'OWN-1', 'A', 6, 'ST-1'],
        ['R1', 'D-1', 'D', 24, 'WH-E'],
        ['R2', 'OWN-1', 'B', 3, 'ST-1'],
      ],
    );
    assert.deepEqual(withoutDealer, []);
    assert.deepEqual(
      new Set(lines.map((l) => `${l.orderType} ${l.orderDate}`)),
      new Set(['replenishment 2026-11-27']),
    );
  });

  it('ships every line from the picked ship-from, orders still apart by location', () => {
    const { lines } = draftReorder(rows, { ...input, shipFrom: 'WH-S' });
    assert.deepEqual(
      lines.map((l) => [l.orderRef, l.locationCode]),
      [
        ['R1', 'WH-S'],
        ['R2', 'WH-S'],
        ['R1', 'WH-S'],
        ['R2', 'WH-S'],
      ],
    );
  });

  it('drafts nothing for a location with no dealer, and names it', () => {
    const dealerFor = (location: string) => (location === 'ST-1' ? 'OWN-1' : undefined);
    const { lines, withoutDealer } = draftReorder(rows, { ...input, dealerFor });
    assert.deepEqual(
      lines.map((l) => l.skuCode),
      ['A', 'B'],
    );
    assert.deepEqual(withoutDealer, ['WH-E']);
  });

  it('numbers an order BH, the date and six hex digits', () => {
    assert.equal(
      reorderRef('2026-11-27', '3f9a1c2b-0000-4000-8000-000000000000'),
      'BH20261127-3F9A1C',
    );
  });
});
