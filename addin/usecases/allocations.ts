// Reconciliation → allocations in the sheet: reads the reconciliation the
// user pulled, drafts one allocation per chosen suggestion (core/allocation-draft.ts says which),
// and writes them into a new allocations sheet bound to the `allocations` dataset. The clerk
// changes or splits rows there, then pushes them as one atomic batch (push.ts).
import type { FieldDescription } from '../../shared/meta';
import type { AllocationsDraftReport } from '../app-api';
import type { CellValue } from '../excel/port';
import { draftAllocations, type SuggestionRow } from '../core/allocation-draft';
import { ApiError } from '../core/api-error';
import { datasetOf, fieldColumnsOf } from '../core/binding';
import { isTextField, toCell } from '../core/cell-format';
import { RowParser, viewRow } from '../core/row-values';
import { readAddinSettings } from '../core/settings';
import { viewOf } from '../core/table-view';
import { say } from '../core/texts';
import type { UseCaseContext } from './context';
import { insertTemplate } from './bind';

const refuse = (ctx: UseCaseContext, code: 'no-reconciliation' | 'nothing-to-allocate') =>
  new ApiError(say(code, {}, ctx.locale()), { kind: 'request', code, status: null });

/** The pulled reconciliation rows as typed values, with whether each is hidden. */
async function readSuggestions(ctx: UseCaseContext): Promise<SuggestionRow[]> {
  const dataset = datasetOf(await ctx.meta(), 'reconciliation', ctx.locale());
  const pulled = (await readAddinSettings(ctx.port)).pulls.reconciliation;
  if (!pulled) throw refuse(ctx, 'no-reconciliation');
  const view = viewOf(await ctx.port.readRegion({ kind: 'table', tableName: pulled.tableName }));
  const parser = new RowParser(fieldColumnsOf(view, pulled.columns, dataset.fields));
  return Array.from({ length: view.rowCount }, (_, row) => ({
    values: parser.parse(viewRow(view, row)).values,
    hidden: view.isHidden(row),
  }));
}

/** Appends the drafts to a new template table, each cell as a pull would show it. */
export async function writeDrafts(
  ctx: UseCaseContext,
  input: {
    tableName: string;
    fields: readonly FieldDescription[];
    drafts: readonly Record<string, unknown>[];
  },
): Promise<void> {
  const region = await ctx.port.readRegion({ kind: 'table', tableName: input.tableName });
  const byHeader = new Map(input.fields.map((f) => [f.label[ctx.locale()], f]));
  const cellsOf = (draft: Record<string, unknown>): CellValue[] =>
    region.headers.map((header) => {
      const field = byHeader.get(header);
      return field ? toCell(field, draft[field.name], ctx.locale()) : null;
    });
  const textColumns = region.headers.filter((h) => {
    const field = byHeader.get(h);
    return field !== undefined && isTextField(field);
  });
  await ctx.port.writeRows({
    tableName: input.tableName,
    columns: [...region.headers],
    textColumns,
    appends: input.drafts.map(cellsOf),
  });
}

export async function prepareAllocations(ctx: UseCaseContext): Promise<AllocationsDraftReport> {
  const drafts = draftAllocations(await readSuggestions(ctx));
  if (drafts.length === 0) throw refuse(ctx, 'nothing-to-allocate');
  const dataset = datasetOf(await ctx.meta(), 'allocations', ctx.locale());
  const binding = await insertTemplate(ctx, dataset.name);
  await writeDrafts(ctx, { tableName: binding.tableName, fields: dataset.fields, drafts });
  return {
    sheetName: binding.sheetName,
    tableName: binding.tableName,
    rows: drafts.length,
    receipts: new Set(drafts.map((d) => d.receiptId)).size,
  };
}
