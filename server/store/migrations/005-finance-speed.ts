// Indexes for the finance checks that run inside every push (credit control on
// orders), so they read one dealer's part of the ledger instead of the whole table:
// - shipment documents by their order line, for a dealer's invoices (INV-<shipment id>); partial,
//   so only queries naming the literal dataset 'shipments' use it;
// - live allocations by dealer and kind, for a dealer's settled invoices and deposits.
import { sql, type Kysely } from 'kysely';
import { jsonText } from '../dialect';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX records_shipment_line ON records (${jsonText(db, 'data', 'lineId')})
    WHERE dataset = 'shipments'`.execute(db);
  await sql`CREATE INDEX fin_allocations_dealer ON fin_allocations (dealer_code, target_kind, deleted)`.execute(
    db,
  );
}
