import assert from 'node:assert/strict';
import type { Receipt } from '../../../shared/finance/bank-line';
import { buildMatchIndex, type MatchContext } from '../../../shared/finance/match-index';
import { autoMatch, rankCandidates } from '../../../shared/finance/matching';
import type { OpenItem } from '../../../shared/finance/open-item';

// Worked context: three dealers; D001's second invoice and D003's invoice both owe ¥8,000,
// so an amount alone cannot tell them apart.
const items: OpenItem[] = [
  invoice('INV-20261101-0001', 'D001', '2026-11-01', 1_200_000, 'SO-20261020-0001'),
  invoice('INV-20261110-0002', 'D001', '2026-11-10', 800_000),
  invoice('INV-20261105-0003', 'D003', '2026-11-05', 800_000),
  {
    kind: 'order',
    id: 'SO-20261127-0001',
    dealerCode: 'D002',
    date: '2026-11-27',
    openAmount: 500_000,
  },
];
const context: MatchContext = {
  items,
  dealers: [
    { code: 'D001', name: '上海华联商贸有限公司', shortName: '华联' },
    { code: 'D002', name: '杭州银泰百货有限公司', shortName: '银泰' },
    { code: 'D003', name: '南京新街口服饰店' },
  ],
  aliases: [
    { dealerCode: 'D003', payerAccount: '6222 0210 0100 1234 567' },
    { dealerCode: 'D003', payerName: '王建国' },
  ],
};
const index = buildMatchIndex(context);

function invoice(
  id: string,
  dealerCode: string,
  date: string,
  openAmount: number,
  orderId?: string,
) {
  const dueDate = `${date.slice(0, 8)}28`;
  const item: OpenItem = { kind: 'invoice', id, dealerCode, date, dueDate, openAmount };
  return orderId === undefined ? item : { ...item, orderId };
}

function receipt(fields: Partial<Receipt> & Pick<Receipt, 'amount'>): Receipt {
  return { id: 'R1', date: '2026-12-01', payerName: '李四', ...fields };
}

describe('finance/matching', () => {
  describe('autoMatch: worked cases', () => {
    const cases: {
      name: string;
      receipt: Receipt;
      target: string;
      reasons: string[];
    }[] = [
      {
        name: 'order number in the remark',
        receipt: receipt({ amount: 500_000, remark: '付SO-20261127-0001货款' }),
        target: 'SO-20261127-0001',
        reasons: ['reference', 'exact-amount', 'date-near'],
      },
      {
        name: 'full-width order number in the remark',
        receipt: receipt({ amount: 500_000, remark: '付ＳＯ－２０２６１１２７－０００１货款' }),
        target: 'SO-20261127-0001',
        reasons: ['reference', 'exact-amount', 'date-near'],
      },
      {
        name: 'order number in the bank reference finds the invoice that bills it',
        receipt: receipt({ amount: 1_200_000, bankRef: 'so20261020-0001' }),
        target: 'INV-20261101-0001',
        reasons: ['reference', 'exact-amount', 'date-near'],
      },
      {
        name: 'known payer account (spaced differently) picks D003 among equal amounts',
        receipt: receipt({
          amount: 800_000,
          payerName: '张三',
          payerAccount: '6222021001001234567',
        }),
        target: 'INV-20261105-0003',
        reasons: ['payer-alias', 'exact-amount', 'date-near'],
      },
      {
        name: 'known payer name',
        receipt: receipt({ amount: 800_000, payerName: '王 建国' }),
        target: 'INV-20261105-0003',
        reasons: ['payer-alias', 'exact-amount', 'date-near'],
      },
      {
        name: 'dealer name in the payer name picks D001 among equal amounts',
        receipt: receipt({ amount: 800_000, payerName: '上海华联商贸有限公司' }),
        target: 'INV-20261110-0002',
        reasons: ['dealer-name', 'exact-amount', 'date-near'],
      },
      {
        name: 'dealer code in the remark',
        receipt: receipt({ amount: 800_000, remark: 'D003 十一月货款' }),
        target: 'INV-20261105-0003',
        reasons: ['dealer-code', 'exact-amount', 'date-near'],
      },
      {
        name: "the dealer's total open amount goes to the dealer",
        receipt: receipt({ amount: 2_000_000, payerName: '上海华联商贸有限公司' }),
        target: 'D001',
        reasons: ['dealer-name', 'exact-amount'],
      },
    ];
    for (const { name, receipt: line, target, reasons } of cases) {
      it(name, () => {
        const result = autoMatch(line, index);
        assert.equal(result.kind, 'auto');
        assert.equal(result.candidate.itemId ?? result.candidate.dealerCode, target);
        assert.deepEqual(result.candidate.reasons, reasons);
      });
    }
  });

  describe('autoMatch: suggestions only', () => {
    it('an exact amount shared by two items is a tie', () => {
      const result = autoMatch(receipt({ amount: 800_000 }), index);
      assert.equal(result.kind, 'suggest');
      const ids = result.candidates.map((c) => c.itemId);
      assert.deepEqual(ids.sort(), ['INV-20261105-0003', 'INV-20261110-0002']);
    });

    it('without the learned alias the same receipt is only a suggestion', () => {
      const withoutAliases = buildMatchIndex({ ...context, aliases: [] });
      const line = receipt({
        amount: 800_000,
        payerName: '张三',
        payerAccount: '6222021001001234567',
      });
      assert.equal(autoMatch(line, withoutAliases).kind, 'suggest');
      assert.equal(autoMatch(line, index).kind, 'auto');
    });

    it('an amount alone, even a unique one, never matches automatically', () => {
      const result = autoMatch(receipt({ amount: 1_200_000 }), index);
      assert.equal(result.kind, 'suggest');
      assert.deepEqual(result.candidates[0]?.reasons, ['exact-amount', 'date-near']);
    });

    it('a reference with a partial amount ranks the item first but waits for finance', () => {
      const result = autoMatch(
        receipt({ amount: 200_000, remark: 'SO-20261127-0001 订金' }),
        index,
      );
      assert.equal(result.kind, 'suggest');
      assert.equal(result.candidates[0]?.itemId, 'SO-20261127-0001');
    });

    it('a recognised dealer with no matching amount is suggested as the dealer', () => {
      const candidates = rankCandidates(receipt({ amount: 300_000, payerName: '华联' }), index);
      assert.deepEqual(
        candidates.map((c) => [c.kind, c.dealerCode, c.openAmount, c.reasons]),
        [['dealer', 'D001', 2_000_000, ['dealer-name']]],
      );
    });
  });

  describe('rankCandidates', () => {
    it("a payer whose amount equals a dealer's total open is offered that dealer", () => {
      const candidates = rankCandidates(receipt({ amount: 2_000_000 }), index);
      assert.deepEqual(
        candidates.map((c) => [c.kind, c.dealerCode, c.reasons]),
        [['dealer', 'D001', ['exact-amount']]],
      );
    });

    it('a dealer with one open item is offered as that item, not twice', () => {
      const candidates = rankCandidates(receipt({ amount: 500_000 }), index);
      assert.deepEqual(
        candidates.map((c) => [c.kind, c.itemId]),
        [['order', 'SO-20261127-0001']],
      );
    });

    it('recognises a legal name written without its 有限公司 suffix', () => {
      const local = buildMatchIndex({
        ...context,
        dealers: [{ code: 'D004', name: '苏州金鹰服饰有限公司' }],
      });
      const candidates = rankCandidates(receipt({ amount: 1, payerName: '苏州金鹰服饰' }), local);
      assert.deepEqual(
        candidates.map((c) => [c.dealerCode, c.reasons]),
        [['D004', ['dealer-name']]],
      );
    });

    it('the nearer of two equal items wins on date and is matched automatically', () => {
      const near = invoice('INV-B', 'D002', '2026-11-20', 90_000);
      const far = invoice('INV-A', 'D002', '2026-06-20', 90_000);
      const local = buildMatchIndex({ ...context, items: [far, near] });
      const line = receipt({ amount: 90_000, payerName: '杭州银泰百货' });
      assert.deepEqual(
        rankCandidates(line, local).map((c) => [c.itemId, c.score]),
        [
          ['INV-B', 90],
          ['INV-A', 80],
          [null, 40],
        ],
      );
      assert.equal(autoMatch(line, local).kind, 'auto');
    });

    it('keeps at most maxCandidates', () => {
      const many = Array.from({ length: 30 }, (_, i) =>
        invoice(`INV-${i}`, 'D009', '2026-11-01', 7_700),
      );
      const local = buildMatchIndex({ ...context, items: many });
      assert.equal(
        rankCandidates(receipt({ amount: 7_700 }), local, { maxCandidates: 5 }).length,
        5,
      );
    });

    it('matches receipts against many open items by reference and dealer name', () => {
      // Correctness at scale; the timing of 10,000 × 50,000 lives in bench/finance.ts.
      const big = Array.from({ length: 5_000 }, (_, i) =>
        invoice(`INV-${i}`, `D${i % 200}`, '2026-11-01', 100_000 + i),
      );
      const dealers = Array.from({ length: 200 }, (_, i) => ({
        code: `D${i}`,
        name: `经销商${i}号`,
      }));
      const local = buildMatchIndex({ items: big, dealers, aliases: [] });
      for (let i = 0; i < 1_000; i += 1) {
        const line = receipt({
          amount: 100_000 + i * 5,
          payerName: `经销商${(i * 5) % 200}号`,
          remark: `付INV-${i * 5}`,
        });
        const result = autoMatch(line, local);
        assert.equal(result.kind, 'auto');
        assert.equal(result.candidate.itemId, `INV-${i * 5}`);
      }
    });
  });
});
