import assert from 'node:assert/strict';
import {
  bankLineFingerprint,
  bankReceiptSchema,
  type BankReceipt,
} from '../../../shared/finance/bank-line';

const line: BankReceipt = {
  date: '2026-12-01',
  payerName: '上海华联商贸有限公司',
  payerAccount: '6222021001001234567',
  amount: 1_200_000,
  bankRef: 'HX2026120100123',
  remark: '付SO-20261127-0001货款',
};

describe('finance/bank-line', () => {
  describe('bankReceiptSchema', () => {
    const valid: [string, unknown, Partial<BankReceipt>][] = [
      ['a full line', line, line],
      [
        'empty optional cells count as absent',
        { ...line, payerAccount: ' ', remark: '' },
        { payerAccount: undefined, remark: undefined },
      ],
      [
        'optional cells may be missing',
        { date: line.date, payerName: 'x', amount: 1 },
        { amount: 1 },
      ],
    ];
    for (const [name, input, expected] of valid) {
      it(`accepts ${name}`, () => {
        const parsed = bankReceiptSchema.parse(input);
        for (const [key, value] of Object.entries(expected)) {
          assert.equal(parsed[key as keyof BankReceipt], value);
        }
      });
    }

    const invalid: [string, unknown][] = [
      ['a zero amount', { ...line, amount: 0 }],
      ['a negative amount', { ...line, amount: -100 }],
      ['yuan with decimals instead of fen', { ...line, amount: 12_000.5 }],
      ['a date that does not exist', { ...line, date: '2026-02-30' }],
      ['an empty payer name', { ...line, payerName: '  ' }],
    ];
    for (const [name, input] of invalid) {
      it(`rejects ${name}`, () => {
        assert.equal(bankReceiptSchema.safeParse(input).success, false);
      });
    }
  });

  describe('bankLineFingerprint', () => {
    it('is the same for the same line typed with other spacing, width and case', () => {
      const retyped: BankReceipt = {
        ...line,
        payerName: '上海华联 商贸有限公司',
        payerAccount: '6222 0210 0100 1234 567',
        bankRef: 'ｈｘ２０２６１２０１００１２３',
        remark: '货款',
      };
      assert.equal(bankLineFingerprint(retyped), bankLineFingerprint(line));
    });

    const differences: [string, Partial<BankReceipt>][] = [
      ['another date', { date: '2026-12-02' }],
      ['another amount (one fen)', { amount: 1_200_001 }],
      ['another bank reference', { bankRef: 'HX2026120100124' }],
      ['another payer account', { payerAccount: '6222021001001234568' }],
      ['another payer', { payerName: '杭州银泰百货有限公司' }],
    ];
    for (const [name, change] of differences) {
      it(`differs for ${name}`, () => {
        assert.notEqual(bankLineFingerprint({ ...line, ...change }), bankLineFingerprint(line));
      });
    }
  });
});
