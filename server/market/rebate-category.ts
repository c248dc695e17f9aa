// The product category of each invoice, for a rebate policy limited to one category
// (docs/market-order.md): an invoice is one shipment of one order line, so its category is the
// line's SKU's. Read by key: the shipments of the invoices, their lines, the lines' products.
import type { Invoice } from '../../shared/finance/receivables';
import type { LedgerSources } from '../finance/ledger-sources';
import { recordsById } from '../datasets/records-store';
import { shipmentLineIds } from '../datasets/shipment-records';
import type { Db } from '../store/db';

async function invoiceCategories(
  db: Db,
  invoices: readonly Invoice[],
): Promise<Map<string, string>> {
  const lineOf = await shipmentLineIds(
    db,
    invoices.map((i) => i.shipmentId),
  );
  const lineIds = [...new Set(lineOf.values())];
  const skuOf = new Map<string, string>();
  for (let i = 0; i < lineIds.length; i += 500) {
    const rows = await db
      .selectFrom('order_lines')
      .select(['id', 'sku_code'])
      .where('id', 'in', lineIds.slice(i, i + 500))
      .execute();
    for (const row of rows) skuOf.set(row.id, row.sku_code);
  }
  const products = await recordsById(db, 'products', [...new Set(skuOf.values())]);
  const categories = new Map<string, string>();
  for (const invoice of invoices) {
    const sku = skuOf.get(lineOf.get(invoice.shipmentId) ?? '');
    const category = sku === undefined ? undefined : products.get(sku)?.values.category;
    if (typeof category === 'string') categories.set(invoice.id, category);
  }
  return categories;
}

/** The sources with only the invoices of `category`, and the credit notes and allocations on them. */
export async function narrowToCategory(
  db: Db,
  sources: LedgerSources,
  category: string,
): Promise<LedgerSources> {
  const categories = await invoiceCategories(db, sources.invoices);
  const invoices = sources.invoices.filter((i) => categories.get(i.id) === category);
  const ids = new Set(invoices.map((i) => i.id));
  return {
    ...sources,
    invoices,
    creditNotes: sources.creditNotes.filter((n) => ids.has(n.invoice_id)),
    allocations: sources.allocations.filter((a) => a.target_id !== null && ids.has(a.target_id)),
  };
}
