// 补货建议 → 补货单 in the sheet (docs/sell-out.md, "From suggestions to a 补货 order"): reads the
// replenishment sheet the user pulled, drafts one 补货 order line per visible suggestion
// (core/reorder-draft.ts) for the dealer the user chose, and writes them into a new orders sheet
// made from the orders template, bound like Insert template — ready to validate and push.
import type { MetaResponse } from '../../shared/meta';
import type { ReorderDraftReport } from '../app-api';
import { ApiError } from '../core/api-error';
import { datasetOf, fieldColumnsOf } from '../core/binding';
import { draftReorder, reorderRef, type ReplenishmentSheetRow } from '../core/reorder-draft';
import { RowParser, viewRow } from '../core/row-values';
import { readAddinSettings } from '../core/settings';
import { viewOf } from '../core/table-view';
import { say } from '../core/texts';
import { utcToShanghai } from '../../shared/local-time';
import { writeDrafts } from './allocations';
import { insertTemplate } from './bind';
import type { UseCaseContext } from './context';

type Refusal =
  | 'no-replenishment'
  | 'nothing-to-reorder'
  | 'reorder-needs-dealer'
  | 'reorder-unknown-dealer'
  | 'reorder-unknown-location';

const refuse = (ctx: UseCaseContext, code: Refusal, params: Record<string, string> = {}) =>
  new ApiError(say(code, params, ctx.locale()), { kind: 'request', code, status: null });

/** The pulled replenishment rows as typed values, with whether each is hidden. */
async function readSuggestions(ctx: UseCaseContext): Promise<ReplenishmentSheetRow[]> {
  const dataset = datasetOf(await ctx.meta(), 'replenishment', ctx.locale());
  const pulled = (await readAddinSettings(ctx.port)).pulls.replenishment;
  if (!pulled) throw refuse(ctx, 'no-replenishment');
  const view = viewOf(await ctx.port.readRegion({ kind: 'table', tableName: pulled.tableName }));
  const parser = new RowParser(fieldColumnsOf(view, pulled.columns, dataset.fields));
  return Array.from({ length: view.rowCount }, (_, row) => ({
    values: parser.parse(viewRow(view, row)).values,
    hidden: view.isHidden(row),
  }));
}

/** Input of the one click: the chosen dealer and ship-from, both optional. */
export interface ReorderChoice {
  /** For locations that name no dealer; must be in the user's dealer list. */
  dealerCode?: string;
  /** Every line ships from here instead of its own location. */
  shipFrom?: string;
}

/**
 * Who each location's order is for: the dealer of the location's name (a self-operated store's
 * own account), else the chosen one (docs/sell-out.md, "From suggestions to a 补货 order").
 */
function dealerChooser(ctx: UseCaseContext, meta: MetaResponse, choice: ReorderChoice) {
  const dealers = meta.lists.dealers ?? [];
  const locations = meta.lists.locations ?? [];
  const { dealerCode, shipFrom } = choice;
  if (dealerCode !== undefined && !dealers.some((d) => d.code === dealerCode))
    throw refuse(ctx, 'reorder-unknown-dealer', { dealer: dealerCode });
  if (shipFrom !== undefined && !locations.some((l) => l.code === shipFrom))
    throw refuse(ctx, 'reorder-unknown-location', { location: shipFrom });
  return (locationCode: string): string | undefined => {
    const name = locations.find((l) => l.code === locationCode)?.name;
    const named = dealers.find((d) => name !== undefined && d.name === name);
    return named?.code ?? dealerCode;
  };
}

/**
 * Drafts the 补货 orders from the pulled suggestions into a new orders sheet. With no suggestion
 * above zero nothing is made and the user is told why; so too when a location has no dealer.
 */
export async function prepareReorder(
  ctx: UseCaseContext,
  choice: ReorderChoice,
): Promise<ReorderDraftReport> {
  const meta = await ctx.meta();
  const dealerFor = dealerChooser(ctx, meta, choice);
  const orderDate = utcToShanghai(ctx.clock.now().getTime()).slice(0, 10);
  const { lines, withoutDealer } = draftReorder(await readSuggestions(ctx), {
    dealerFor,
    orderDate,
    newRef: () => reorderRef(orderDate, ctx.ids.uuid()),
    ...(choice.shipFrom === undefined ? {} : { shipFrom: choice.shipFrom }),
  });
  if (withoutDealer.length > 0)
    throw refuse(ctx, 'reorder-needs-dealer', { locations: withoutDealer.join(', ') });
  if (lines.length === 0) throw refuse(ctx, 'nothing-to-reorder');
  const dataset = datasetOf(meta, 'orders', ctx.locale());
  const binding = await insertTemplate(ctx, dataset.name);
  await writeDrafts(ctx, { tableName: binding.tableName, fields: dataset.fields, drafts: lines });
  return {
    sheetName: binding.sheetName,
    tableName: binding.tableName,
    rows: lines.length,
    orders: new Set(lines.map((l) => l.orderRef)).size,
  };
}
