// Credit control on orders and shipments:
// - checkOrderCredit: used = receivables outstanding + open (unshipped) order value; an order
//   passes when used + this order ≤ the dealer's credit limit (exactly at the limit passes, one
//   fen over fails — shared checkCredit). Over the limit, a release asked for by a manager,
//   finance or admin lets it through; the result says `released` so the caller audits it.
//   The figures are one dealer_exposure row kept by the writers (exposure-book.ts); orders passed
//   earlier in the same push count as open orders for later groups through the push's book.
// - checkShipmentDeposit: grade-C dealers (configurable per grade in finance-settings) must have
//   received the deposit (订金) — default 30% of the order value — before any line of the order
//   ships. The rule is on the whole order, so the shipped quantity does not change it.
import {
  checkCredit,
  checkDepositBeforeShipment,
  requiredDeposit,
} from '../../shared/finance/credit';
import { sql } from 'kysely';
import { formatYuan } from '../../shared/money';
import type { RowProblem } from '../../shared/row-errors';
import type { Role } from '../../shared/roles';
import type { Db } from '../store/db';
import { ExposureBook } from './exposure-book';
import { inChunks } from '../store/chunks';
import { loadFinanceSettings } from './settings';
import { fin } from './tables';

interface OrderCreditInput {
  dealerCode: string;
  /** Value this push adds to the dealer's open orders, in fen. */
  orderValue: number;
  role: Role;
  /** The pusher asks to release an order over the limit (push option `releaseCredit`). */
  release: boolean;
}

/** A credit problem; `released` true means it was let through and must be audited. */
interface CreditProblem extends RowProblem {
  released: boolean;
}

const releasers: readonly Role[] = ['manager', 'finance', 'admin'];

/**
 * The check against the dealer's exposure: read from the store, or from the push's book, which
 * adds the lines earlier orders of the push wrote.
 */
export async function checkOrderCredit(
  source: Db | ExposureBook,
  input: OrderCreditInput,
): Promise<CreditProblem | null> {
  const book = source instanceof ExposureBook ? source : new ExposureBook(source);
  const exposure = await book.exposure(input.dealerCode);
  if (!exposure || input.orderValue <= 0) return null;
  const result = checkCredit({
    limit: exposure.limit,
    outstanding: exposure.used,
    openOrders: 0,
    thisOrder: input.orderValue,
  });
  if (result.code === 'ok') return null;
  const released = input.release && releasers.includes(input.role);
  const params = {
    limit: formatYuan(result.limit),
    used: formatYuan(result.used),
    thisOrder: formatYuan(result.thisOrder),
    overBy: formatYuan(result.overBy),
  };
  return { field: 'quantity', code: 'credit-limit-exceeded', params, released };
}

/** One shipment line's deposit check (the push checks all its rows with depositProblems). */
export async function checkShipmentDeposit(
  trx: Db,
  input: { lineId: string; quantity: number },
): Promise<RowProblem | null> {
  const problems = await depositProblems(trx, [input]);
  return problems.get(input.lineId) ?? null;
}

async function dealerGrades(trx: Db, dealerCodes: readonly string[]) {
  const rows = await inChunks(dealerCodes, (ids) =>
    trx
      .selectFrom('records')
      .select(['id', 'data'])
      .where('dataset', '=', 'dealers')
      .where('id', 'in', ids)
      .where('deleted', '=', 0)
      .execute(),
  );
  return new Map(
    rows.map((row) => {
      const grade = (JSON.parse(row.data) as { grade?: unknown }).grade;
      return [row.id, typeof grade === 'string' ? grade : ''];
    }),
  );
}

/** Σ quantity × unit price over each order's lines that are not cancelled. */
async function orderValues(trx: Db, orderIds: readonly string[]) {
  const rows = await inChunks(orderIds, (ids) =>
    trx
      .selectFrom('order_lines')
      .select('order_id')
      .select(sql<number>`sum(quantity * unit_price)`.as('value'))
      .where('order_id', 'in', ids)
      .where('cancelled', '=', 0)
      .groupBy('order_id')
      .execute(),
  );
  return new Map(rows.map((r) => [r.order_id, r.value]));
}

async function depositsReceived(trx: Db, orderIds: readonly string[]) {
  const rows = await inChunks(orderIds, (ids) =>
    fin(trx)
      .selectFrom('fin_allocations')
      .select('target_id')
      .select(sql<number>`sum(amount)`.as('total'))
      .where('target_kind', '=', 'order-deposit')
      .where('target_id', 'in', ids)
      .where('deleted', '=', 0)
      .groupBy('target_id')
      .execute(),
  );
  return new Map(rows.map((r) => [r.target_id ?? '', r.total]));
}

/**
 * The deposit check for every row of a shipments push, by order line id: the lines, their
 * dealers' grades, the orders' values and deposits are read once for the whole push.
 */
export async function depositProblems(trx: Db, rows: readonly Record<string, unknown>[]) {
  const lines = await inChunks(
    rows.map((row) => String(row.lineId)),
    (ids) =>
      trx
        .selectFrom('order_lines')
        .select(['id', 'order_id', 'dealer_code'])
        .where('id', 'in', ids)
        .execute(),
  );
  const problems = new Map<string, RowProblem>();
  if (lines.length === 0) return problems;
  const orderIds = lines.map((l) => l.order_id);
  const grades = await dealerGrades(
    trx,
    lines.map((l) => l.dealer_code),
  );
  const { depositPolicy } = await loadFinanceSettings(trx);
  const values = await orderValues(trx, orderIds);
  const received = await depositsReceived(trx, orderIds);
  for (const line of lines) {
    const grade = grades.get(line.dealer_code) ?? '';
    const required = requiredDeposit(values.get(line.order_id) ?? 0, grade, depositPolicy);
    if (required === 0) continue;
    const result = checkDepositBeforeShipment({
      required,
      received: received.get(line.order_id) ?? 0,
    });
    if (result.code === 'ok') continue;
    const params = { missing: formatYuan(result.missing) };
    problems.set(line.id, { field: 'lineId', code: 'deposit-missing', params });
  }
  return problems;
}
