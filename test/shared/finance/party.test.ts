import assert from 'node:assert/strict';
import {
  normalizeAccount,
  normalizePartyName,
  payerAliasSchema,
} from '../../../shared/finance/party';

describe('finance/party', () => {
  const names: [string, string][] = [
    ['上海华联商贸有限公司', '上海华联商贸'],
    ['上海华联 商贸 有限责任公司', '上海华联商贸'],
    ['杭州银泰百货股份有限公司', '杭州银泰百货'],
    ['南京新街口服饰店', '南京新街口服饰店'],
    ['ａｂｃ 公司', 'ABC'],
  ];
  for (const [input, expected] of names) {
    it(`normalizePartyName(${input}) = ${expected}`, () => {
      assert.equal(normalizePartyName(input), expected);
    });
  }

  it('normalizeAccount keeps letters and digits only', () => {
    assert.equal(normalizeAccount('6222 0210-0100 １２３４'), '6222021001001234');
  });

  it('an alias needs an account or a name', () => {
    assert.equal(payerAliasSchema.safeParse({ dealerCode: 'D001' }).success, false);
    assert.equal(
      payerAliasSchema.safeParse({ dealerCode: 'D001', payerName: '王建国' }).success,
      true,
    );
  });
});
