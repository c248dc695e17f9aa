// Writes fetched rows into a pulled table: one planned writeRows (updates, deletes, appends), the
// refreshed-at note on the header's first cell, and the below-safety highlight for stock. Updates
// and deletes go to the rows where their rows are after the fetch, found by `_key`: the user may
// sort, insert or delete rows while the pages come in. The highlight finds its rows by `_key`
// after the write, and remembers their keys, so a sort between refreshes moves nothing wrong.
import type { DatasetDescription } from '../../shared/meta';
import type { PullRow } from '../../shared/protocol';
import { cellAddress } from '../excel/a1';
import type { SheetRegion } from '../excel/port';
import { fieldColumnsOf } from '../core/binding';
import { isTextField } from '../core/cell-format';
import {
  readHighlightMemory,
  rememberHighlightedKeys,
  rowsAfterDeletes,
} from '../core/mark-memory';
import {
  placePullPlan,
  planPullApply,
  writeColumnIndexes,
  type PlacedPullPlan,
  type PullApplyPlan,
} from '../core/pull-plan';
import { keysAsRead, locateRows, rowsHoldingKeys } from '../core/row-moves';
import {
  KEY_COLUMN,
  keyOfCell,
  stateLayout,
  stateTextColumns,
  type StateLayout,
} from '../core/row-state';
import type { PulledSheet } from '../core/settings';
import { viewOf, type TableView } from '../core/table-view';
import { say } from '../core/texts';
import type { UseCaseContext } from './context';

const STAMP_FILL = '#DDEBF7';
const BELOW_SAFETY_FILL = '#FFC7CE';

interface ApplyInput {
  readonly region: SheetRegion;
  readonly pulled: Pick<PulledSheet, 'tableName' | 'columns'>;
  readonly dataset: DatasetDescription;
  readonly rows: readonly PullRow[];
  readonly full: boolean;
  readonly overwriteEdits: boolean;
}

/** "2026-11-27 10:31" in Asia/Shanghai, where business dates live (docs/protocol.md). */
function shanghaiStamp(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

const isBelowSafety = (values: Record<string, unknown>) => values.belowSafety === true;

/**
 * The plan on the rows where they are now: the key column read again (one sync), and only when
 * rows already in the table are written to.
 */
async function placeNow(
  ctx: UseCaseContext,
  tableName: string,
  planned: { view: TableView; layout: StateLayout; plan: PullApplyPlan },
): Promise<PlacedPullPlan> {
  const { view, layout, plan } = planned;
  if (plan.updates.length + plan.deletes.length === 0) return { ...plan, unplaced: 0 };
  const now = await ctx.port.readColumn({ tableName, column: KEY_COLUMN });
  return placePullPlan(plan, locateRows(keysAsRead(view, layout), now));
}

export async function applyPulled(ctx: UseCaseContext, input: ApplyInput): Promise<PlacedPullPlan> {
  const view = viewOf(input.region);
  const layout = stateLayout(view);
  const columns = fieldColumnsOf(view, input.pulled.columns, input.dataset.fields);
  const highlights = input.dataset.fields.some((f) => f.name === 'belowSafety');
  const planned = planPullApply({
    view,
    layout,
    columns,
    changes: input.rows,
    full: input.full,
    overwriteEdits: input.overwriteEdits,
    locale: ctx.locale(),
    ...(highlights ? { highlightIf: isBelowSafety } : {}),
  });
  const tableName = input.pulled.tableName;
  const plan = await placeNow(ctx, tableName, { view, layout, plan: planned });
  const headerOf = (column: number) => input.region.headers[column] ?? '';
  const textColumns = [
    ...columns.filter((fc) => isTextField(fc.field)).map((fc) => headerOf(fc.column)),
    ...stateTextColumns(layout),
  ];
  if (plan.updates.length + plan.appends.length + plan.deletes.length > 0) {
    await ctx.port.writeRows({
      tableName,
      columns: writeColumnIndexes({ layout, columns }).map(headerOf),
      textColumns,
      updates: plan.updates,
      appends: plan.appends,
      deletes: plan.deletes,
    });
  }
  if (highlights) await highlightBelowSafety(ctx, tableName, plan);
  return plan;
}

/**
 * Moves the highlight: only the rows it filled last time are cleared, not the user's colours. Its
 * rows and the remembered ones are found by `_key` in one read of the key column after the write
 * (skipped, with the fill, when there is nothing to fill or clear).
 */
async function highlightBelowSafety(
  ctx: UseCaseContext,
  tableName: string,
  plan: PlacedPullPlan,
): Promise<void> {
  const before = await readHighlightMemory(ctx.port, tableName);
  if (plan.highlightKeys.length + before.keys.length + before.rows.length === 0) return;
  const now = await ctx.port.readColumn({ tableName, column: KEY_COLUMN });
  const rows = rowsHoldingKeys(plan.highlightKeys, now);
  await ctx.port.highlightRows({
    tableName,
    rows,
    previousRows: [
      ...rowsHoldingKeys(before.keys, now),
      // A memory from before keys: positions, kept right through the write's deletes only.
      ...rowsAfterDeletes(before.rows, plan.deletes),
    ],
    color: BELOW_SAFETY_FILL,
  });
  const filled = rows.flatMap((row) => keyOfCell(now[row] ?? null) ?? []);
  await rememberHighlightedKeys(ctx.port, tableName, filled);
}

/** The refreshed-at note on the table's first header cell (where the user looks first). */
export async function stampTable(
  ctx: UseCaseContext,
  region: SheetRegion,
  at: Date,
): Promise<void> {
  const address = cellAddress(region.origin.row, region.origin.column);
  const reason = say('pulled-at', { at: shanghaiStamp(at) }, ctx.locale());
  await ctx.port.markCells({
    sheetName: region.sheetName,
    marks: [{ address, reason }],
    color: STAMP_FILL,
  });
}
