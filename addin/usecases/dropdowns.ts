// Dropdowns of the shipment lines a dealer can still return (docs/returns.md, "In Excel"): the
// `returnable-lines` pull (the server limits it to the user's region) written to the hidden
// `_returnable` sheet, and a list dropdown over it on each bound returns table's shipment column.
// Run when a returns sheet is inserted or bound, and on "refresh dropdowns" (after a push, say).
import type { DropdownReport, PushReport, WorkOptions } from '../app-api';
import type { TemplateColumn } from '../excel/port';
import type { Locale } from '../../shared/locale';
import {
  extraHeaders,
  helperSheetOf,
  linesOfPull,
  RETURNABLE_SHEET,
  RETURNABLE_TEXT_COLUMNS,
} from '../core/returnable';
import { readAddinSettings, type SavedBinding } from '../core/settings';
import { currentSaved } from './load-table';
import type { UseCaseContext } from './context';
import { fetchPull } from './pull-fetch';

/** The field that names the shipment line a row returns. */
export const SHIPMENT_FIELD = 'shipmentId';
/** Datasets whose rows return a shipment line: returns, and an exchange's 退回 lines. */
const PICKING: readonly string[] = ['returns', 'exchanges'];
export const picksShipments = (dataset: string) => PICKING.includes(dataset);
/** Rows a dropdown covers at least: as many as a template prepares. */
const PREPARED_ROWS = 500;

/** Columns a returns template adds after its fields, filled by Validate from the shipment (an
 *  exchange sheet has a SKU field of its own, for the issued lines). */
export function returnExtraColumns(dataset: string, locale: Locale): TemplateColumn[] {
  if (dataset !== 'returns') return [];
  const { sku, price } = extraHeaders(locale);
  return [
    { header: sku, numberFormat: '@' },
    { header: price, numberFormat: '#,##0.00' },
  ];
}

function pickColumn(binding: SavedBinding): string | undefined {
  return binding.columns.find((c) => c.field === SHIPMENT_FIELD)?.header;
}

/** `ifBound`: only when a returns or exchanges table is bound (the pane opening), else nothing. */
export async function refreshDropdowns(
  ctx: UseCaseContext,
  options: WorkOptions & { ifBound?: boolean } = {},
): Promise<DropdownReport> {
  const settings = await readAddinSettings(ctx.port);
  const bound = Object.values(settings.bindings).filter(
    (b) => picksShipments(b.dataset) && pickColumn(b) !== undefined,
  );
  if (options.ifBound === true && bound.length === 0) return { lines: 0, returnable: 0, tables: 0 };
  const fetched = await fetchPull(ctx, { dataset: 'returnable-lines', filter: {} }, options);
  const lines = linesOfPull(fetched.rows);
  const sheet = helperSheetOf(lines, ctx.locale());
  const { source } = await ctx.port.writeHelperSheet({
    sheetName: RETURNABLE_SHEET,
    ...sheet,
    textColumns: RETURNABLE_TEXT_COLUMNS,
  });
  for (const binding of bound) {
    await ctx.port.setListValidation({
      tableName: binding.tableName,
      column: pickColumn(binding) ?? '',
      source,
      rows: PREPARED_ROWS,
    });
  }
  return { lines: lines.length, returnable: sheet.listRows, tables: bound.length };
}

/** After a returns or exchanges push that booked lines, the dropdowns show what is left to return. */
export async function afterPush(ctx: UseCaseContext, report: PushReport): Promise<PushReport> {
  if (report.applied === 0 || report.cancelled) return report;
  const saved = currentSaved(await readAddinSettings(ctx.port));
  if (saved && picksShipments(saved.dataset)) await refreshDropdowns(ctx);
  return report;
}
