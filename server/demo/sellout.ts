// Demo dealer sell-out reports (经销商销存报表): a year of monthly reports for the dealer × SKU
// pairs that bought the most, built on what was really shipped to them, so the 进销存 check
// adds up — except for a few months where the dealer's count comes out a few units short,
// which the stock-differences pull then lists. Each month is pushed a few days after it ends,
// as a sales assistant would type it from the dealer's sheet.
import { shippedByDealerSkuDate } from '../analysis/shipped';
import type { Db } from '../store/db';
import { addDays, atHour } from './calendar';
import type { Pusher } from './pusher';
import type { Random } from './random';

const PAIRS = 24;
const minDate = (a: string, b: string) => (a < b ? a : b);

/** The months from `start`'s to the last one that ended before `today`, 'YYYY-MM'. */
function wholeMonths(start: string, today: string): string[] {
  const months: string[] = [];
  let [year, month] = [Number(start.slice(0, 4)), Number(start.slice(5, 7))];
  for (;;) {
    if (month > 12) [year, month] = [year + 1, 1];
    const period = `${year}-${String(month).padStart(2, '0')}`;
    const end = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
    if (end >= today) return months;
    months.push(period);
    month += 1;
  }
}

export async function seedSellout(input: {
  db: Db;
  pusher: Pusher;
  random: Random;
  range: { start: string; today: string };
}): Promise<number> {
  const { db, pusher, random, range } = input;
  const shipped = await shippedByDealerSkuDate(db, { from: range.start, to: range.today });
  const totals = new Map<string, number>();
  const byMonth = new Map<string, number>();
  for (const row of shipped) {
    const pair = `${row.dealer}|${row.sku}`;
    totals.set(pair, (totals.get(pair) ?? 0) + row.quantity);
    const key = `${pair}|${row.date.slice(0, 7)}`;
    byMonth.set(key, (byMonth.get(key) ?? 0) + row.quantity);
  }
  const pairs = [...totals]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, PAIRS)
    .map(([pair]) => pair);
  const stock = new Map(pairs.map((pair) => [pair, random.int(0, 20)]));
  let count = 0;
  for (const [index, period] of wholeMonths(range.start, range.today).entries()) {
    const rows = pairs.map((pair) => {
      const [dealerCode = '', skuCode = ''] = pair.split('|');
      const opening = stock.get(pair) ?? 0;
      const available = opening + (byMonth.get(`${pair}|${period}`) ?? 0);
      const unitsSold = Math.floor((available * random.int(40, 80)) / 100);
      const counted = available - unitsSold;
      const short = counted > 0 && random.chance(0.06) ? random.int(1, Math.min(5, counted)) : 0;
      stock.set(pair, counted - short);
      const values = { dealerCode, skuCode, period, unitsSold, closingStock: counted - short };
      return {
        rowKey: pusher.newKey(),
        values: index === 0 ? { ...values, openingStock: opening } : values,
      };
    });
    await pusher.push(
      'dealer-reports',
      rows,
      atHour(minDate(addDays(`${period}-28`, 8), range.today), 10),
    );
    count += rows.length;
  }
  return count;
}
