// The "returnable-lines" pull (可退发货行, docs/returns.md): each shipment of a dealer with what
// was shipped, what has been returned (awaiting approval included) and what may still be
// returned, at the price it was shipped — the list an assistant picks a return line from. A
// computed snapshot (server/analysis/snapshot.ts): every refresh sends the current figures.
import { compact, pageSnapshot, type DerivedRow } from '../analysis/snapshot';
import { shipmentsOfLines } from '../datasets/shipment-records';
import type { PullPage, PullRequest } from '../sync/handler';
import { loadReturned, loadShipped } from './shipped';

async function lineIdsOf(request: PullRequest): Promise<string[] | undefined> {
  const { dealer } = request.filter;
  if (dealer === undefined) return undefined;
  const rows = await request.db
    .selectFrom('order_lines')
    .select('id')
    .where('dealer_code', '=', dealer)
    .where('shipped_qty', '>', 0)
    .execute();
  return rows.map((r) => r.id);
}

export async function pullReturnable(request: PullRequest): Promise<PullPage> {
  const lineIds = await lineIdsOf(request);
  const records = lineIds?.length === 0 ? [] : await shipmentsOfLines(request.db, lineIds);
  const ids = records.map(([id]) => id);
  const shipped = await loadShipped(request.db, ids);
  const returned = await loadReturned(request.db, ids);
  const rows: DerivedRow[] = [];
  for (const line of shipped.values()) {
    const back = returned.get(line.shipmentId) ?? 0;
    const values = {
      dealerCode: line.dealerCode,
      shipmentId: line.shipmentId,
      date: line.date,
      skuCode: line.skuCode,
      shipped: line.quantity,
      returned: back,
      returnable: line.quantity - back,
      unitPrice: line.unitPrice,
    };
    rows.push({ key: line.shipmentId, values: compact(values) });
  }
  return pageSnapshot(rows, request);
}
