// Applying pulled changes: updates in place by `_key`, appends, deletes; user edits found by the
// digest, kept unless overwriting; highlights by key on the table as it will be; the plan moved
// to the rows where they are after the fetch.
import assert from 'node:assert/strict';
import sinon from 'sinon';
import { fieldColumnsOf } from '../../../addin/core/binding';
import { placePullPlan, planPullApply, pulledCells } from '../../../addin/core/pull-plan';
import { keysAsRead, locateRows } from '../../../addin/core/row-moves';
import { stateLayout } from '../../../addin/core/row-state';
import { viewOf } from '../../../addin/core/table-view';
import type { CellValue } from '../../../addin/excel/port';
import { coreDatasets } from '../../../shared/datasets';
import { describeDataset } from '../../../shared/meta';
import type { PullRow } from '../../../shared/protocol';
import { regionOf } from './region';

const regions = describeDataset(coreDatasets.find((d) => d.name === 'regions')!);
const headers = ['区域编码', '区域名称', '上级区域', '状态', '_status', '_key', '_version'];
const mapping = regions.fields.map((f) => ({ header: f.label['zh-CN'], field: f.name }));
const record = (
  key: string,
  name: string,
  change: { version?: number; op?: 'upsert' | 'delete' } = {},
): PullRow => ({
  key,
  version: change.version ?? 1,
  op: change.op ?? 'upsert',
  values: { code: key, name, status: 'active' },
});

function tableWith(records: PullRow[], edit?: (rows: CellValue[][]) => void) {
  const empty = viewOf(regionOf(headers, []));
  const base = {
    view: empty,
    layout: stateLayout(empty),
    columns: fieldColumnsOf(empty, mapping, regions.fields),
    locale: 'zh-CN' as const,
  };
  const rows = records.map((r) => pulledCells(base, r));
  edit?.(rows);
  const view = viewOf(regionOf(headers, rows));
  return {
    view,
    layout: stateLayout(view),
    columns: fieldColumnsOf(view, mapping, regions.fields),
    locale: 'zh-CN' as const,
  };
}

describe('pull apply plan', () => {
  afterEach(() => {
    sinon.restore();
  });

  const existing = [record('HD', '华东'), record('HN', '华南'), record('HB', '华北')];

  it('updates changed rows in place, removes deleted ones, appends new ones and leaves the rest', () => {
    const changes = [
      record('HD', '华东区', { version: 2 }),
      record('HN', '华南', { version: 2, op: 'delete' }),
      record('XB', '西北'),
    ];
    const plan = planPullApply({
      ...tableWith(existing),
      changes,
      full: false,
      overwriteEdits: false,
    });
    assert.deepEqual(
      plan.updates.map((u) => u.row),
      [0],
    );
    assert.equal(plan.updates[0]!.values[0], 'HD');
    assert.ok(plan.updates[0]!.values.includes('华东区'));
    assert.deepEqual(plan.deletes, [1]);
    assert.equal(plan.appends.length, 1);
    assert.equal(plan.appends[0]![0], 'XB');
    assert.equal(plan.appends[0]![5], 'XB');
    assert.equal(plan.editedCells, 0);
  });

  describe('on the rows where they are now', () => {
    const changes = [
      record('HD', '华东区', { version: 2 }),
      record('HN', '华南', { version: 2, op: 'delete' }),
      record('XB', '西北'),
    ];
    const planFor = (now: CellValue[]) => {
      const table = tableWith(existing);
      const plan = planPullApply({ ...table, changes, full: false, overwriteEdits: false });
      return placePullPlan(plan, locateRows(keysAsRead(table.view, table.layout), now));
    };

    it('keeps the rows when nothing moved', () => {
      const plan = planFor(['HD', 'HN', 'HB']);
      assert.deepEqual(
        [plan.updates.map((u) => u.row), plan.deletes, plan.unplaced],
        [[0], [1], 0],
      );
    });

    it('follows a sort, appends untouched', () => {
      const plan = planFor(['HB', 'HN', 'HD']);
      assert.deepEqual(
        [plan.updates.map((u) => u.row), plan.deletes, plan.unplaced],
        [[2], [1], 0],
      );
      assert.equal(plan.updates[0]!.values[0], 'HD');
      assert.equal(plan.appends[0]![0], 'XB');
    });

    it('drops and counts an update and a delete whose rows are gone', () => {
      const plan = planFor(['HB']);
      assert.deepEqual([plan.updates, plan.deletes, plan.unplaced], [[], [], 2]);
      assert.equal(plan.appends.length, 1);
    });
  });

  it('on a full load removes rows the server no longer sends', () => {
    const plan = planPullApply({
      ...tableWith(existing),
      changes: [record('HD', '华东')],
      full: true,
      overwriteEdits: true,
    });
    assert.deepEqual(plan.deletes, [1, 2]);
  });

  it('counts cells the user edited and keeps those cells unless told to overwrite', () => {
    const edited = tableWith(existing, (rows) => {
      rows[0]![1] = '我改的名字';
      rows[0]![2] = 'HN';
    });
    const changes = [record('HD', '华东区', { version: 2 })];
    const kept = planPullApply({ ...edited, changes, full: false, overwriteEdits: false });
    assert.equal(kept.editedCells, 2);
    assert.equal(kept.keptEdits, 2, 'kept cells are counted, not rows');
    assert.deepEqual(kept.keptCells.map((c) => c.field).sort(), ['name', 'parentCode']);
    // The server changed only a cell the user edited: nothing else to write in that row.
    assert.deepEqual(kept.updates, []);
    const overwritten = planPullApply({ ...edited, changes, full: false, overwriteEdits: true });
    assert.equal(overwritten.keptEdits, 0);
    assert.deepEqual(
      overwritten.updates.map((u) => u.row),
      [0],
    );
  });

  it('ignores edits in rows the refresh does not touch', () => {
    const edited = tableWith(existing, (rows) => {
      rows[2]![1] = '我改的名字';
    });
    const plan = planPullApply({
      ...edited,
      changes: [record('HD', '华东区', { version: 2 })],
      full: false,
      overwriteEdits: false,
    });
    assert.equal(plan.editedCells, 0);
    assert.equal(plan.updates.length, 1);
  });

  it('highlights by key the rows as they will be, after deletes and appends', () => {
    const changes = [record('HD', '华东', { version: 2, op: 'delete' }), record('XB', 'X')];
    const plan = planPullApply({
      ...tableWith([...existing, record('XN', 'X')]),
      changes,
      full: false,
      overwriteEdits: false,
      highlightIf: (v) => v.name === 'X',
    });
    assert.deepEqual(plan.highlightKeys.sort(), ['XB', 'XN']);
  });

  it('highlights by the pulled values of an updated row, and never a deleted one', () => {
    const changes = [
      record('XN', '西北', { version: 2 }),
      record('HD', 'X', { version: 2 }),
      record('XS', 'X', { version: 2, op: 'delete' }),
    ];
    const plan = planPullApply({
      ...tableWith([...existing, record('XN', 'X'), record('XS', 'X')]),
      changes,
      full: false,
      overwriteEdits: false,
      highlightIf: (v) => v.name === 'X',
    });
    assert.deepEqual(plan.highlightKeys, ['HD']);
  });
});
