import assert from 'node:assert/strict';
import { pickLocale } from '../../shared/locale';
import { formatMessage, messages } from '../../shared/messages';

describe('languages', () => {
  const cases: [string | undefined, string][] = [
    [undefined, 'zh-CN'],
    ['en-US,en;q=0.9', 'en-US'],
    ['zh-TW', 'zh-CN'],
    ['fr-FR,en;q=0.5', 'en-US'],
    ['en;q=0.2,zh-CN;q=0.8', 'zh-CN'],
    ['de', 'zh-CN'],
  ];
  for (const [header, locale] of cases)
    it(`${header} → ${locale}`, () => assert.equal(pickLocale(header), locale));

  it('every message has both languages with the same placeholders', () => {
    for (const [code, label] of Object.entries(messages)) {
      const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      assert.ok(label['zh-CN'].length > 0 && label['en-US'].length > 0, code);
      assert.deepEqual(names(label['zh-CN']), names(label['en-US']), code);
    }
  });

  it('fills placeholders', () => {
    assert.equal(
      formatMessage('insufficient-stock', { available: 7 }, 'en-US'),
      'Not enough stock: 7 available.',
    );
  });
});
