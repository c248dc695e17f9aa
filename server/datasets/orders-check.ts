// The rules one order line must pass: dealer exists, is active and is the
// user's to serve; the location serves the dealer's region; the SKU is active; the quantity is
// whole packs; the price is the dealer price (managers may differ); stock is available — and an
// accepted line reserves it at once, so later lines of the batch see what is left. A category
// may need a licence the dealer must hold on the order date (docs/dealer-support.md).
import type { RuleContext } from '../../shared/dataset-def';
import { ordersDataset } from '../../shared/datasets';
import { packProblems } from '../../shared/order-rules';
import type { RowProblem } from '../../shared/row-errors';
import type { WriteContext } from '../sync/handler';
import { licenceLineProblems, type LicenceBook } from '../support/licence-check';
import type { LineValues, StoredLine } from './orders-store';
import type { LedgerLine, StockBook } from './stock-book';
import {
  checkLocation,
  checkSku,
  locationServes,
  userMayServe,
  type MasterRefs,
} from './stock-refs';

export interface OrderBatch {
  ctx: WriteContext;
  refs: MasterRefs;
  book: StockBook;
  licences: LicenceBook;
}

export interface LineCheck {
  problems: RowProblem[];
  /** Stock changes made for the line; their `ref` is set once the line has its id. */
  ledger: LedgerLine[];
}

/** Fields an update may change; anything else is fixed once the line exists. */
const mutableFields = new Set(['quantity', 'requestedDate', 'remark', 'cancelled']);

function dealerProblems(batch: OrderBatch, values: LineValues): RowProblem[] {
  const { dealerCode: code } = values;
  const dealer = batch.refs.dealers.get(code);
  if (!dealer) return [{ field: 'dealerCode', code: 'unknown-dealer', params: { value: code } }];
  if (dealer.status !== 'active')
    return [{ field: 'dealerCode', code: 'dealer-inactive', params: { value: code } }];
  if (!userMayServe(batch.ctx.actor.user, dealer.regionCode, batch.refs.regions)) {
    return [
      { field: 'dealerCode', code: 'region-not-allowed', params: { region: dealer.regionCode } },
    ];
  }
  return [];
}

function locationProblems(batch: OrderBatch, values: LineValues): RowProblem[] {
  const problems = checkLocation(batch.refs, values.locationCode);
  const dealer = batch.refs.dealers.get(values.dealerCode);
  if (problems.length > 0 || !dealer) return problems;
  if (locationServes(batch.refs, values.locationCode, dealer.regionCode)) return [];
  const params = { location: values.locationCode, region: dealer.regionCode };
  return [{ field: 'locationCode', code: 'location-not-serving-region', params }];
}

/** What the orders dataset's row rules read: the batch's products, and the pusher's role. */
function ruleContext(batch: OrderBatch): RuleContext {
  return {
    attribute: (list, code, name) => {
      if (list !== 'products' || (name !== 'packSize' && name !== 'dealerPrice')) return undefined;
      return batch.refs.products.get(code)?.[name];
    },
    role: batch.ctx.actor.user.role,
  };
}

/** The rules declared on the dataset (whole packs, dealer price), as the add-in runs them. */
function ruleProblems(batch: OrderBatch, values: LineValues): RowProblem[] {
  const ctx = ruleContext(batch);
  return (ordersDataset.rules ?? []).flatMap((rule) => rule(values, ctx));
}

/** Reserves `extra` units, or says how many the line could hold (`holding` is its reservation now). */
function reserve(
  batch: OrderBatch,
  values: LineValues,
  amounts: { extra: number; holding: number },
): LineCheck {
  const { locationCode: location, skuCode: sku } = values;
  const available = batch.book.available(location, sku);
  if (amounts.extra > available) {
    const params = { available: Math.max(0, available) + amounts.holding };
    return { problems: [{ field: 'quantity', code: 'insufficient-stock', params }], ledger: [] };
  }
  if (amounts.extra === 0) return { problems: [], ledger: [] };
  const kind = amounts.extra > 0 ? 'reserve' : 'release';
  const line = batch.book.change({
    kind,
    location,
    sku,
    date: batch.ctx.today,
    ref: '',
    reserved: amounts.extra,
  });
  return { problems: [], ledger: [line] };
}

export function checkNewLine(batch: OrderBatch, values: LineValues): LineCheck {
  if (values.cancelled)
    return { problems: [{ field: 'cancelled', code: 'invalid-value' }], ledger: [] };
  const problems = [...dealerProblems(batch, values), ...locationProblems(batch, values)];
  const sku = checkSku(batch.refs, values.skuCode);
  problems.push(...sku);
  if (sku.length > 0) return { problems, ledger: [] };
  problems.push(...ruleProblems(batch, values));
  const category = batch.refs.products.get(values.skuCode)?.category;
  problems.push(...licenceLineProblems(batch.licences, { ...values, category }));
  if (!batch.refs.locations.has(values.locationCode)) return { problems, ledger: [] };
  const stock = reserve(batch, values, { extra: values.quantity, holding: 0 });
  return { problems: [...problems, ...stock.problems], ledger: stock.ledger };
}

/** `next` is what the line would become; `changed` the fields that differ from the stored line. */
export function checkUpdate(
  batch: OrderBatch,
  line: StoredLine,
  change: { next: LineValues; changed: string[] },
): LineCheck {
  const fail = (problems: RowProblem[]): LineCheck => ({ problems, ledger: [] });
  if (line.shippedQty > 0) return fail([{ code: 'already-shipped' }]);
  if (line.values.cancelled) return fail([{ field: 'cancelled', code: 'order-cancelled' }]);
  const fixed = change.changed.filter((name) => !mutableFields.has(name));
  if (fixed.length > 0) return fail(fixed.map((name) => ({ field: name, code: 'invalid-value' })));
  const dealer = batch.refs.dealers.get(line.values.dealerCode);
  if (dealer && !userMayServe(batch.ctx.actor.user, dealer.regionCode, batch.refs.regions)) {
    return fail([
      { field: 'dealerCode', code: 'region-not-allowed', params: { region: dealer.regionCode } },
    ]);
  }
  const holding = line.values.quantity;
  // Cancelling releases the whole reservation; the stored quantity stays as ordered.
  if (change.next.cancelled) return reserve(batch, line.values, { extra: -holding, holding });
  const pack = packProblems(
    change.next.quantity,
    batch.refs.products.get(change.next.skuCode)?.packSize,
  );
  if (pack.length > 0) return fail(pack);
  return reserve(batch, line.values, { extra: change.next.quantity - holding, holding });
}
