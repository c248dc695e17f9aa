// Events (dealer conferences, trade fairs, key-account promotions), who was invited and came,
// and the orders taken there — registers kept in `records`. An invitation or an order link must
// name a live event; an order link must name an order the dealer has (docs/dealer-support.md).
import {
  eventDealersDataset,
  eventOrdersDataset,
  eventsDataset,
} from '../../shared/support/datasets';
import type { RowProblem } from '../../shared/row-errors';
import { recordsById } from '../datasets/records-store';
import type { DatasetHandler, ParsedUpsert, WriteContext } from '../sync/handler';
import { gatedHandler } from './gated';
import { dealerNamedBy } from './scope';

type Values = Record<string, unknown>;

async function eventChecks(ctx: WriteContext, upserts: readonly ParsedUpsert<Values>[]) {
  const events = await recordsById(
    ctx.trx,
    eventsDataset.name,
    upserts.map((m) => String(m.values.eventCode)),
  );
  return (values: Values): RowProblem[] => {
    const code = String(values.eventCode);
    const event = events.get(code);
    return event && !event.deleted
      ? []
      : [{ field: 'eventCode', code: 'event-unknown', params: { value: code } }];
  };
}

async function eventOrderChecks(ctx: WriteContext, upserts: readonly ParsedUpsert<Values>[]) {
  const eventCheck = await eventChecks(ctx, upserts);
  const refs = [...new Set(upserts.map((m) => String(m.values.orderRef)))];
  const known = new Set<string>();
  for (let i = 0; i < refs.length; i += 500) {
    const rows = await ctx.trx
      .selectFrom('orders')
      .select(['dealer_code', 'order_ref'])
      .where('order_ref', 'in', refs.slice(i, i + 500))
      .execute();
    for (const row of rows) known.add(`${row.dealer_code}|${row.order_ref}`);
  }
  return (values: Values): RowProblem[] => {
    const problems = eventCheck(values);
    if (problems.length > 0) return problems;
    const dealer = String(values.dealerCode);
    const orderRef = String(values.orderRef);
    return known.has(`${dealer}|${orderRef}`)
      ? []
      : [{ field: 'orderRef', code: 'event-order-unknown', params: { dealer, orderRef } }];
  };
}

const dealerFilter = (request: { filter: { dealer?: string | undefined } }) => {
  const { dealer } = request.filter;
  return Promise.resolve((v: Values) => !dealer || v.dealerCode === dealer);
};

export function eventsHandler(): DatasetHandler {
  return gatedHandler(eventsDataset, {
    placeOf: dealerNamedBy('dealerCode'),
    matches: (request) => {
      const { from, to } = request.filter;
      return Promise.resolve(
        (v: Values) => (!from || String(v.endDate) >= from) && (!to || String(v.startDate) <= to),
      );
    },
  });
}

export function eventDealersHandler(): DatasetHandler {
  return gatedHandler(eventDealersDataset, {
    keyOf: (v) => `${String(v.eventCode)}/${String(v.dealerCode)}`,
    checks: eventChecks,
    matches: dealerFilter,
    placeOf: dealerNamedBy('dealerCode'),
  });
}

export function eventOrdersHandler(): DatasetHandler {
  return gatedHandler(eventOrdersDataset, {
    keyOf: (v) => `${String(v.eventCode)}/${String(v.dealerCode)}/${String(v.orderRef)}`,
    checks: eventOrderChecks,
    matches: dealerFilter,
    placeOf: dealerNamedBy('dealerCode'),
  });
}
