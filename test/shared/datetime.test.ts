// Date-times typed in a sheet: field.datetime's check and its messages in both languages, the
// cell parser, the Excel serial and the Shanghai ↔ UTC conversion (shared/local-time.ts).
import assert from 'node:assert/strict';
import { z } from 'zod';
import { dateTimeToSerial, parseCell, serialToDateTime, type CellValue } from '../../shared/cells';
import { field } from '../../shared/field';
import { shanghaiToUtc, utcToShanghai } from '../../shared/local-time';
import { describeFields } from '../../shared/meta';
import { checkRow, describeProblems } from '../../shared/row-errors';
import { numberFormatOf, toCell } from '../../addin/core/cell-format';

const schema = z.object({
  openedAt: field.datetime({ label: { 'zh-CN': '受理时间', 'en-US': 'Opened at' } }),
});
const fields = describeFields(schema);
const openedAt = fields[0]!;

function problemsOf(value: unknown, locale: 'zh-CN' | 'en-US') {
  const checked = checkRow(schema, { openedAt: value }, fields);
  return checked.ok ? [] : describeProblems(checked.problems, fields, locale);
}

describe('field.datetime', () => {
  it('describes itself as a datetime field in meta', () => {
    assert.equal(openedAt.kind, 'datetime');
  });

  for (const good of ['2026-11-20 14:30', '2024-02-29 00:00', '2026-12-31 23:59'])
    it(`accepts ${good}`, () => assert.deepEqual(problemsOf(good, 'en-US'), []));

  for (const bad of ['2026-11-20', '2026-11-20 24:00', '2026-02-29 10:00', '2026-11-20 9:60', 14])
    it(`refuses ${JSON.stringify(bad)} in both languages`, () => {
      const said = (locale: 'zh-CN' | 'en-US') =>
        problemsOf(bad, locale).map((p) => [p.code, p.message]);
      assert.deepEqual(said('zh-CN'), [
        ['invalid-datetime', '“受理时间”应为北京时间的日期和时间（如 2026-11-20 14:30）。'],
      ]);
      assert.deepEqual(said('en-US'), [
        [
          'invalid-datetime',
          '"Opened at" must be a date and time, China Standard Time (e.g. 2026-11-20 14:30).',
        ],
      ]);
    });

  it('says required when blank', () => {
    assert.equal(problemsOf(undefined, 'en-US')[0]?.code, 'required');
  });
});

describe('date-times in cells', () => {
  const cases: [CellValue, unknown][] = [
    [46346.604166666664, '2026-11-20 14:30'],
    [46346.5, '2026-11-20 12:00'],
    ['2026/11/20 9:05', '2026-11-20 09:05'],
    ['2026-11-20T14:30:00', '2026-11-20 14:30'],
    ['２０２６-１１-２０ １４：３０', '2026-11-20 14:30'],
    ['2026年11月20日 14:30', '2026-11-20 14:30'],
    ['2026-11-20', 'invalid-datetime'],
    ['2026-11-31 10:00', 'invalid-datetime'],
    ['2026-11-20 14:30:15', 'invalid-datetime'],
  ];
  for (const [raw, expected] of cases)
    it(`${JSON.stringify(raw)} → ${JSON.stringify(expected)}`, () => {
      const parsed = parseCell(raw, openedAt);
      assert.deepEqual(parsed.ok ? parsed.value : parsed.code, expected);
    });

  it('round-trips through the Excel serial the pane and the export write', () => {
    for (const text of ['2026-11-20 14:30', '2026-01-01 00:00', '2099-12-31 23:59'])
      assert.equal(serialToDateTime(dateTimeToSerial(text)), text);
    assert.equal(toCell(openedAt, '2026-11-20 12:00', 'zh-CN'), 46346.5);
    assert.equal(numberFormatOf(openedAt), 'yyyy-mm-dd hh:mm');
  });
});

describe('Shanghai wall clock ↔ UTC', () => {
  it('is eight hours ahead, across the day boundary too', () => {
    assert.equal(shanghaiToUtc('2026-11-20 14:30'), '2026-11-20T06:30:00.000Z');
    assert.equal(shanghaiToUtc('2026-11-21 07:59'), '2026-11-20T23:59:00.000Z');
    assert.equal(utcToShanghai('2026-11-20T23:59:00.000Z'), '2026-11-21 07:59');
    assert.equal(utcToShanghai(Date.parse('2026-11-20T06:30:00Z')), '2026-11-20 14:30');
  });
});
