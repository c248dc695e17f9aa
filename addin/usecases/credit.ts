// 信用释放: finance's credit release over the bound orders sheet. An order over its dealer's
// credit limit is refused by the server (server/finance/order-credit.ts) and stays on the sheet
// as a refused row; finance checks the sheet's unsent orders with a dry run (the server runs the
// same credit check and writes nothing), sees each held order with the dealer's limit, used and
// over-by, ticks the ones to release and pushes only those with `releaseCredit`
// (docs/protocol.md, "Push"); each row's result lands in its `_status` and in the report.
import { groupKeyOf } from '../../shared/dataset-def';
import type { CreditHold, PushReport, WorkOptions } from '../app-api';
import { ApiError } from '../core/api-error';
import { isChanged, toPushRow } from '../core/push-plan';
import { say } from '../core/texts';
import { checkTable } from '../core/validate-rows';
import type { UseCaseContext } from './context';
import { checkInputOf, loadBoundTable, type LoadedTable } from './load-table';
import { planChunks, pushTable, send } from './push';

const CREDIT_CODE = 'credit-limit-exceeded';

async function loadOrders(ctx: UseCaseContext): Promise<LoadedTable> {
  const table = await loadBoundTable(ctx);
  if (table.dataset.name === 'orders') return table;
  throw new ApiError(say('not-orders-binding', {}, ctx.locale()), {
    kind: 'request',
    code: 'not-orders-binding',
    status: null,
  });
}

const text = (value: unknown) =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

/** The sheet's unsent valid orders the server would refuse for credit, one entry per order. */
export async function findCreditHolds(
  ctx: UseCaseContext,
  options: WorkOptions = {},
): Promise<CreditHold[]> {
  const table = await loadOrders(ctx);
  const check = checkTable(checkInputOf(ctx, table));
  const context = {
    dataset: table.dataset.name,
    clientId: ctx.clientId(),
    newKey: () => ctx.ids.uuid(),
  };
  const rows = check.rows.filter((r) => r.valid && isChanged(r)).map((r) => toPushRow(r, context));
  const chunks = planChunks(ctx, table, rows);
  const sent = await send(ctx, table, {
    chunks,
    clientId: context.clientId,
    options: { ...options, dryRun: true },
  });
  if (sent.error) throw sent.error;
  const holds = new Map<string, CreditHold>();
  for (const row of rows) {
    const error = sent.results
      .get(row.mutation.mutationId)
      ?.errors.find((e) => e.code === CREDIT_CODE);
    const group = groupKeyOf(table.dataset.groupBy, row.values);
    if (!error || group === null) continue;
    const sheetRow = table.view.sheetRowOf(row.row);
    const known = holds.get(group);
    if (known) {
      known.sheetRows.push(sheetRow);
      continue;
    }
    const params = error.params ?? {};
    holds.set(group, {
      group,
      dealerCode: text(row.values.dealerCode),
      orderRef: text(row.values.orderRef),
      sheetRows: [sheetRow],
      limit: text(params.limit),
      used: text(params.used),
      thisOrder: text(params.thisOrder),
      overBy: text(params.overBy),
      message: error.message,
    });
  }
  return [...holds.values()];
}

/** Pushes only the ticked orders, with the release; the other rows wait as they were. */
export async function releaseCreditHolds(
  ctx: UseCaseContext,
  input: WorkOptions & { groups: readonly string[] },
): Promise<PushReport> {
  await loadOrders(ctx);
  const { groups, ...options } = input;
  return pushTable(ctx, { ...options, onlyValid: true, releaseCredit: true, groups });
}
