// The commission rules without a server (shared/estate/commission-rules.ts; docs/estate.md,
// "Commission"): rounding, tiers at their boundary, stage split, statement placement, clawback.
import assert from 'node:assert/strict';
import {
  bpOf,
  commissionLines,
  nextMonth,
  tierFor,
  type CommissionLine,
  type ContractFacts,
} from '../../shared/estate/commission-rules';

const tiers = [
  { projectCode: 'P1', fromAmount: 0, rateBp: 100, signingShareBp: 3_333 },
  { projectCode: 'P1', fromAmount: 500_000_000, rateBp: 150, signingShareBp: 3_333 },
];
const contract = (extra: Partial<ContractFacts> = {}): ContractFacts => ({
  id: 'HT-1',
  consultant: 'li',
  projectCode: 'P1',
  unitCode: 'B1-0801',
  price: 286_400_000,
  signMonth: '2026-11',
  cancelledMonth: null,
  fullyCollectedMonth: null,
  ...extra,
});

describe('estate commission rules (shared)', () => {
  it('rounds a share of basis points once, half up', () => {
    // ¥123.45 × 33.33 % = 4,114.5885 fen → 4,115; 0.5 fen rounds up, 0.4999 down.
    assert.equal(bpOf(12_345, 3_333), 4_115);
    assert.equal(bpOf(1, 5_000), 1);
    assert.equal(bpOf(1, 4_999), 0);
  });

  it('takes the highest tier whose start the monthly total reaches, to the fen', () => {
    assert.equal(tierFor(tiers, 'P1', 499_999_999)?.rateBp, 100);
    assert.equal(tierFor(tiers, 'P1', 500_000_000)?.rateBp, 150);
    assert.equal(tierFor(tiers, 'P2', 500_000_000), undefined);
  });

  it('turns the year after December', () => {
    assert.deepEqual(['2026-11', '2026-12'].map(nextMonth), ['2026-12', '2027-01']);
  });

  it('splits the commission so the stages sum exactly: 33.33 % of ¥28,640.00', () => {
    const lines = commissionLines({
      contracts: [contract({ fullyCollectedMonth: '2027-02' })],
      tiers,
      fixed: [],
      confirmed: new Set(),
    });
    // 2,864,000 × 33.33 % = 954,571.2 → 954,571; the rest 1,909,429.
    assert.deepEqual(
      lines.map((l) => [l.stage, l.month, l.amount]),
      [
        ['signing', '2026-11', 954_571],
        ['collected', '2027-02', 1_909_429],
      ],
    );
  });

  it('puts an open line on the first statement not confirmed, and claws back only what was fixed', () => {
    const paid: CommissionLine = {
      month: '2026-11',
      consultant: 'li',
      contractId: 'HT-1',
      stage: 'signing',
      dueMonth: '2026-11',
      projectCode: 'P1',
      unitCode: 'B1-0801',
      price: 286_400_000,
      rateBp: 100,
      amount: 954_571,
    };
    const confirmed = new Set(['li|2026-11', 'li|2026-12']);
    const lines = commissionLines({
      contracts: [
        contract({ cancelledMonth: '2026-12' }),
        contract({ id: 'HT-2', signMonth: '2026-12' }),
      ],
      tiers,
      fixed: [paid],
      confirmed,
    });
    const byKey = new Map(lines.map((l) => [`${l.contractId}|${l.stage}`, l]));
    assert.deepEqual(
      [byKey.get('HT-1|clawback')?.month, byKey.get('HT-1|clawback')?.amount],
      ['2027-01', -954_571],
    );
    assert.equal(byKey.get('HT-2|signing')?.month, '2027-01');
    assert.equal(lines.length, 3);
  });
});
