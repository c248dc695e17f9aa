// What dealers returned, as sell-in read by the analysis: posted return lines (`return_lines`,
// docs/returns.md) by return date, at the price the return credits. Lines awaiting approval
// moved no goods and no money, and rejected ones never will: neither lowers the sell-in.
// Transfers (调货) are return lines too (reason `dealer-transfer`): A's sell-in falls by them,
// and B's rises by the transfer order's shipment like any other.
import { sql, type RawBuilder } from 'kysely';

/** `FROM` the posted return lines `rl` dated within [from, to] (inclusive business dates). */
export function postedReturnsIn(range: { from: string; to: string }): RawBuilder<unknown> {
  return sql`FROM return_lines rl
    WHERE rl.status = 'posted' AND rl.date BETWEEN ${range.from} AND ${range.to}`;
}
