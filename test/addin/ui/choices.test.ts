// The task pane's small decisions, without a browser: theme from Office's colours, strings in
// both languages, errors as sentences, what a report says, which datasets a role is offered.
import assert from 'node:assert/strict';
import type { MetaResponse } from '../../../shared/meta';
import {
  defaultDataset,
  fieldLabel,
  pullableDatasets,
  pushableDatasets,
} from '../../../addin/ui/datasets';
import { classifyError, errorSentence } from '../../../addin/ui/errors';
import { toPullFilter } from '../../../addin/ui/pull-filter';
import { fill, stringsFor } from '../../../addin/ui/strings';
import { luminance, pickThemeName } from '../../../addin/ui/theme';
import { pullNotices, pushNotices, statusNotices } from '../../../addin/ui/use-actions';

const colours = (bodyBackgroundColor: string) => ({
  bodyBackgroundColor,
  bodyForegroundColor: '#000000',
  controlBackgroundColor: '#FFFFFF',
  controlForegroundColor: '#000000',
});

describe('task pane choices', () => {
  describe('theme', () => {
    const cases: [string, 'light' | 'dark'][] = [
      ['#FFFFFF', 'light'], // Office "White"
      ['#E6E6E6', 'light'], // "Colorful"
      ['#1F1F1F', 'dark'], // "Black"
      ['#262626', 'dark'],
      ['#444', 'dark'], // "Dark Gray", short form
      ['not a colour', 'light'],
    ];
    for (const [background, expected] of cases) {
      it(`${background} → ${expected}`, () => {
        assert.equal(pickThemeName(colours(background)), expected);
      });
    }
    it('is light when the host gives no theme', () => {
      assert.equal(pickThemeName(null), 'light');
    });
    it('computes WCAG luminance', () => {
      assert.equal(luminance('#000000'), 0);
      assert.equal(luminance('#ffffff'), 1);
      assert.equal(luminance('#12345'), null);
    });
  });

  describe('strings', () => {
    it('has every text in both languages, with the same placeholders', () => {
      const zh = stringsFor('zh-CN') as unknown as Record<string, unknown>;
      const en = stringsFor('en-US') as unknown as Record<string, unknown>;
      assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
      const holes = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const key of Object.keys(en)) {
        if (typeof en[key] !== 'string') continue;
        assert.ok((zh[key] as string).trim() !== '', key);
        assert.deepEqual(holes(zh[key] as string), holes(en[key]), key);
      }
    });
    it('fills placeholders and leaves unknown ones visible', () => {
      assert.equal(fill('{a} of {b}', { a: 1, b: 'x' }), '1 of x');
      assert.equal(fill('{missing}', {}), '{missing}');
    });
  });

  describe('errors', () => {
    const strings = stringsFor('en-US');
    it('names the server when it cannot be reached', () => {
      assert.equal(classifyError(new TypeError('Failed to fetch')), 'network');
      assert.match(
        errorSentence(new TypeError('Failed to fetch'), strings, 'https://s.example'),
        /https:\/\/s\.example cannot be reached/,
      );
    });
    it('says "cancelled" for an abort', () => {
      assert.equal(
        errorSentence(new DOMException('aborted', 'AbortError'), strings, ''),
        'Cancelled.',
      );
    });
    it('keeps only the first line of a message, never a stack', () => {
      const error = new Error('Wrong user name or password.\n    at login (api-client.ts:1:1)');
      assert.equal(errorSentence(error, strings, ''), 'Wrong user name or password.');
    });
    it('still says something for a thrown non-error', () => {
      assert.equal(errorSentence(42, strings, ''), 'Something went wrong: 42');
    });
  });

  describe('reports as notices', () => {
    const strings = stringsFor('zh-CN');
    it('says what a refresh changed, and warns about edited cells', () => {
      const notices = pullNotices(
        {
          dataset: 'stock',
          sheetName: '库存',
          tableName: 'Stock',
          added: 0,
          updated: 1,
          removed: 0,
          editedCells: 2,
          keptEdits: 1,
          keptCells: [{ address: 'K7', sheetRow: 7, field: 'safetyStock' }],
          reset: false,
          refreshedAt: '',
        },
        strings,
        { dataset: '库存', field: (f) => (f === 'safetyStock' ? '安全库存' : f) },
      );
      assert.deepEqual(
        notices.map((n) => n.intent),
        ['success', 'warning'],
      );
      assert.equal(notices[0]!.text, '“库存”在工作表 库存：新增 0，更新 1，删除 0。');
      assert.equal(
        notices[1]!.text,
        '您在下载的表中修改过的 1 个单元格已按您的修改保留。保留的单元格：第 7 行安全库存（K7）。',
      );
    });
    it('warns when a push left rows behind', () => {
      const notices = pushNotices(
        {
          sent: 3,
          applied: 2,
          unchanged: 0,
          rejected: 1,
          conflicts: [],
          skippedInvalid: 1,
          heldBack: 0,
          unplaced: 0,
          cancelled: false,
        },
        strings,
      );
      assert.deepEqual(
        notices.map((n) => n.intent),
        ['warning', 'warning'],
      );
      const clean = pushNotices(
        {
          sent: 2,
          applied: 2,
          unchanged: 0,
          rejected: 0,
          conflicts: [],
          skippedInvalid: 0,
          heldBack: 0,
          unplaced: 0,
          cancelled: false,
        },
        strings,
      );
      assert.deepEqual(
        clean.map((n) => n.intent),
        ['success'],
      );
    });
    it('says how many refresh changes could not be written, in both languages', () => {
      const report = {
        dataset: 'regions',
        sheetName: '区域',
        tableName: 'ss_pull_regions',
        added: 1,
        updated: 0,
        removed: 1,
        editedCells: 0,
        reset: false,
        refreshedAt: '',
        unplaced: 2,
      };
      const [summary, zh] = pullNotices(report, stringsFor('zh-CN'), { dataset: '区域' });
      assert.equal(summary?.intent, 'success');
      assert.deepEqual(zh, {
        intent: 'warning',
        text: '有 2 项服务器更改未写入：刷新期间这些行已不在表中（被删除？）。重新下载该数据即可恢复。',
      });
      const en = pullNotices(report, stringsFor('en-US'), { dataset: 'Regions' })[1]?.text ?? '';
      assert.match(en, /^2 server changes were not written/);
      assert.equal(
        pullNotices({ ...report, unplaced: 0 }, stringsFor('en-US'), { dataset: 'Regions' }).length,
        1,
      );
    });
    it('says how many statuses could not be written, in both languages', () => {
      const zh = statusNotices({ updated: 3, unplaced: 1 }, stringsFor('zh-CN'));
      assert.deepEqual(zh, [
        { intent: 'success', text: '3 行订单的状态已更新。' },
        {
          intent: 'warning',
          text: '有 1 行的状态未能写入：刷新期间这些行已不在表中（被删除？）。',
        },
      ]);
      const en = statusNotices({ updated: 3, unplaced: 1 }, stringsFor('en-US'));
      assert.match(en[1]?.text ?? '', /^1 statuses were not written/);
      assert.equal(statusNotices({ updated: 3, unplaced: 0 }, stringsFor('en-US')).length, 1);
    });
    it('says how many results could not be written back, in both languages', () => {
      const report = {
        sent: 4,
        applied: 4,
        unchanged: 0,
        rejected: 0,
        conflicts: [],
        skippedInvalid: 0,
        heldBack: 0,
        unplaced: 1,
        cancelled: false,
      };
      const [summary, zh] = pushNotices(report, stringsFor('zh-CN'));
      assert.equal(summary?.intent, 'warning');
      assert.deepEqual(zh, {
        intent: 'warning',
        text: '有 1 行的结果未能写回：上传期间这些行已不在表中（被删除？）。服务器仍保留已接受的数据。',
      });
      assert.match(pushNotices(report, stringsFor('en-US'))[1]?.text ?? '', /^1 results could not/);
    });
  });

  describe('datasets offered', () => {
    const dataset = (name: string, push: string[], pull: string[]) => ({
      name,
      label: { 'zh-CN': name, 'en-US': name },
      pushable: push.length > 0,
      pullable: pull.length > 0,
      pushRoles: push,
      pullRoles: pull,
      fields: [
        {
          name: 'quantity',
          kind: 'integer',
          required: true,
          readOnly: false,
          label: { 'zh-CN': '数量', 'en-US': 'Quantity' },
          synonyms: [],
        },
      ],
    });
    const meta = {
      limits: {},
      lists: {},
      datasets: [
        dataset('dealers', ['manager'], ['sales', 'manager']),
        dataset('orders', ['sales'], ['sales']),
        dataset('stock', [], ['sales']),
      ],
    } as unknown as MetaResponse;
    it('offers a sales assistant orders to push and everything readable to pull', () => {
      assert.deepEqual(
        pushableDatasets(meta, 'sales').map((d) => d.name),
        ['orders'],
      );
      assert.deepEqual(
        pullableDatasets(meta, 'sales').map((d) => d.name),
        ['dealers', 'orders', 'stock'],
      );
      assert.equal(defaultDataset(pullableDatasets(meta, 'sales'), 'stock'), 'stock');
      assert.equal(defaultDataset(pushableDatasets(meta, 'analyst'), 'orders'), '');
    });
    it('labels a field in the user language', () => {
      assert.equal(fieldLabel(meta, 'quantity', 'en-US'), 'Quantity');
      assert.equal(fieldLabel(meta, 'nope', 'zh-CN'), 'nope');
    });
  });

  it('sends only the filter fields the user filled in', () => {
    assert.deepEqual(
      toPullFilter({ from: '2026-11-01', to: '', region: ' HD ', dealer: '', category: '' }),
      { from: '2026-11-01', region: 'HD' },
    );
  });
});
