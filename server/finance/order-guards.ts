// Credit control on orders and shipments (issue 4 "Credit control on orders"):
// - checkOrderCredit: used = receivables outstanding + open (unshipped) order value; an order
//   passes when used + this order ≤ the dealer's credit limit (exactly at the limit passes, one
//   fen over fails — shared checkCredit). Over the limit, a release asked for by a manager,
//   finance or admin lets it through; the result says `released` so the caller audits it.
//   Orders passed earlier in the same transaction count as open orders for later groups.
// - checkShipmentDeposit: grade-C dealers (configurable per grade in finance-settings) must have
//   received the deposit (订金) — default 30% of the order value — before any line of the order
//   ships. The rule is on the whole order, so the shipped quantity does not change it.
import {
  checkCredit,
  checkDepositBeforeShipment,
  requiredDeposit,
} from '../../shared/finance/credit';
import { formatYuan } from '../../shared/money';
import type { RowProblem } from '../../shared/row-errors';
import type { Role } from '../../shared/roles';
import type { Db } from '../store/db';
import { buildLedger } from './ledger';
import { loadLedgerSources } from './ledger-sources';
import { loadFinanceSettings } from './settings';
import { fin } from './tables';

export interface OrderCreditInput {
  dealerCode: string;
  /** Value this push adds to the dealer's open orders, in fen. */
  orderValue: number;
  role: Role;
  /** The pusher asks to release an order over the limit (push option `releaseCredit`). */
  release: boolean;
}

/** A credit problem; `released` true means it was let through and must be audited. */
export interface CreditProblem extends RowProblem {
  released: boolean;
}

const releasers: readonly Role[] = ['manager', 'finance', 'admin'];

interface Exposure {
  limit: number;
  used: number;
}

/** Per transaction: each dealer's exposure when first read, plus what passed since. */
const exposures = new WeakMap<Db, Map<string, Exposure>>();

async function exposureOf(trx: Db, dealerCode: string): Promise<Exposure | undefined> {
  const known = exposures.get(trx) ?? new Map<string, Exposure>();
  exposures.set(trx, known);
  const cached = known.get(dealerCode);
  if (cached) return cached;
  const ledger = buildLedger(await loadLedgerSources(trx, dealerCode));
  const dealer = ledger.dealers.get(dealerCode);
  if (!dealer) return undefined;
  const own = ledger.byDealer.get(dealerCode);
  const used = (own?.summary.outstanding ?? 0) + (own?.openOrderValue ?? 0);
  const exposure = { limit: dealer.creditLimit, used };
  known.set(dealerCode, exposure);
  return exposure;
}

export async function checkOrderCredit(
  trx: Db,
  input: OrderCreditInput,
): Promise<CreditProblem | null> {
  const exposure = await exposureOf(trx, input.dealerCode);
  if (!exposure || input.orderValue <= 0) return null;
  const result = checkCredit({
    limit: exposure.limit,
    outstanding: exposure.used,
    openOrders: 0,
    thisOrder: input.orderValue,
  });
  const released = input.release && releasers.includes(input.role);
  if (result.code === 'ok' || released) exposure.used += input.orderValue;
  if (result.code === 'ok') return null;
  const params = {
    limit: formatYuan(result.limit),
    used: formatYuan(result.used),
    thisOrder: formatYuan(result.thisOrder),
    overBy: formatYuan(result.overBy),
  };
  return { field: 'quantity', code: 'credit-limit-exceeded', params, released };
}

export async function checkShipmentDeposit(
  trx: Db,
  input: { lineId: string; quantity: number },
): Promise<RowProblem | null> {
  const line = await trx
    .selectFrom('order_lines')
    .select(['order_id', 'dealer_code'])
    .where('id', '=', input.lineId)
    .executeTakeFirst();
  if (!line) return null;
  const grade = await dealerGrade(trx, line.dealer_code);
  const { depositPolicy } = await loadFinanceSettings(trx);
  const value = await orderValue(trx, line.order_id);
  const required = requiredDeposit(value, grade, depositPolicy);
  if (required === 0) return null;
  const received = await depositReceived(trx, line.order_id);
  const result = checkDepositBeforeShipment({ required, received });
  if (result.code === 'ok') return null;
  return {
    field: 'lineId',
    code: 'deposit-missing',
    params: { missing: formatYuan(result.missing) },
  };
}

async function dealerGrade(trx: Db, dealerCode: string): Promise<string> {
  const row = await trx
    .selectFrom('records')
    .select('data')
    .where('dataset', '=', 'dealers')
    .where('id', '=', dealerCode)
    .where('deleted', '=', 0)
    .executeTakeFirst();
  const grade = row ? (JSON.parse(row.data) as { grade?: unknown }).grade : undefined;
  return typeof grade === 'string' ? grade : '';
}

async function orderValue(trx: Db, orderId: string): Promise<number> {
  const lines = await trx
    .selectFrom('order_lines')
    .select(['quantity', 'unit_price'])
    .where('order_id', '=', orderId)
    .where('cancelled', '=', 0)
    .execute();
  return lines.reduce((sum, l) => sum + l.quantity * l.unit_price, 0);
}

async function depositReceived(trx: Db, orderId: string): Promise<number> {
  const row = await fin(trx)
    .selectFrom('fin_allocations')
    .select((eb) => eb.fn.sum<number | null>('amount').as('total'))
    .where('target_kind', '=', 'order-deposit')
    .where('target_id', '=', orderId)
    .where('deleted', '=', 0)
    .executeTakeFirst();
  return row?.total ?? 0;
}

/** The deposit check for every row of a shipments push, by order line id. */
export async function depositProblems(trx: Db, rows: readonly Record<string, unknown>[]) {
  const problems = new Map<string, RowProblem>();
  for (const row of rows) {
    const lineId = String(row.lineId);
    if (problems.has(lineId)) continue;
    const problem = await checkShipmentDeposit(trx, { lineId, quantity: Number(row.quantity) });
    if (problem) problems.set(lineId, problem);
  }
  return problems;
}
