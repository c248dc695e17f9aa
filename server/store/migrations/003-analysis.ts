// Indexes for the analysis pulls; no new tables — targets, schemes, scores and
// grades are `records`. Each index serves one query of server/analysis:
// - shipment documents by business date (actuals, grading sales, fair sell-in);
// - shipment ledger lines by date (replenishment's sales window);
// - on-hand increases per location × SKU by date, covering (FIFO stock age);
// - open order lines per location × SKU (replenishment's backorders);
// - fair orders by date (fair guidance).
import { sql, type Kysely } from 'kysely';
import { jsonText } from '../dialect';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX records_shipment_date ON records (${jsonText(db, 'data', 'date')})
    WHERE dataset = 'shipments'`.execute(db);
  await sql`CREATE INDEX stock_ledger_kind_date ON stock_ledger (kind, business_date)`.execute(db);
  await sql`CREATE INDEX stock_ledger_layers ON stock_ledger
    (location_code, sku_code, business_date, on_hand_delta) WHERE on_hand_delta > 0`.execute(db);
  await sql`CREATE INDEX order_lines_open ON order_lines (location_code, sku_code, quantity, shipped_qty)
    WHERE cancelled = 0 AND shipped_qty < quantity`.execute(db);
  await sql`CREATE INDEX order_lines_type_date ON order_lines (order_type, order_date)`.execute(db);
}
