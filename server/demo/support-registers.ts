// Demo dealer support, the registers (docs/dealer-support.md): every dealer's brand
// authorisation (品牌授权书, which the first product category needs to order — all valid, one
// expiring within the month), contracts of which one has expired and one is expiring, a
// product's test report, sample quotas per grade for the season with issues (one dealer at its
// quota) and marketing budgets, and competitors' prices seen in four regions.
import type { Catalog } from './catalog';
import { addDays, atHour } from './calendar';
import type { Pusher } from './pusher';
import type { Db } from '../store/db';

const AUTHORISATION = '品牌授权书';

const rows = (pusher: Pusher, values: readonly Record<string, unknown>[]) =>
  values.map((v) => ({ rowKey: pusher.newKey(), values: v }));

export async function seedQualifications(pusher: Pusher, catalog: Catalog, today: string) {
  const category = catalog.products[0]?.category;
  const [first, second, third] = catalog.dealers;
  if (category === undefined || !first || !second || !third) return;
  const at = atHour(today, 8);
  await pusher.push(
    'licence-requirements',
    rows(pusher, [{ category, licenceKind: AUTHORISATION }]),
    at,
  );
  const entry = (number: string, holderCode: string, validTo: string, extra = {}) => ({
    number,
    documentType: 'licence',
    holderKind: 'dealer',
    holderCode,
    kind: AUTHORISATION,
    validFrom: addDays(today, -400),
    validTo,
    scanRef: `扫描件/${number}.pdf`,
    ...extra,
  });
  const licences = catalog.dealers.map((d, i) =>
    entry(`SQ-${d.code}`, d.code, addDays(today, i === 0 ? 20 : 365)),
  );
  const contract = { documentType: 'contract', kind: '经销合同' };
  const product = catalog.products[0];
  await pusher.push(
    'qualifications',
    rows(pusher, [
      ...licences,
      entry(`HT-${second.code}`, second.code, addDays(today, -10), contract),
      entry(`HT-${third.code}`, third.code, addDays(today, 15), contract),
      ...(product
        ? [
            entry(`JC-${product.skuCode}`, product.skuCode, addDays(today, 25), {
              documentType: 'registration',
              holderKind: 'product',
              kind: '质量检测报告',
            }),
          ]
        : []),
    ]),
    at,
  );
}

/** The season of a date: its year and quarter, '2026Q4'. */
const seasonOf = (date: string) =>
  `${date.slice(0, 4)}Q${String(Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1)}`;

/** Two items with the most stock available, and where it is. */
async function stockedItems(db: Db) {
  return db
    .selectFrom('stock_balances')
    .select(['location_code', 'sku_code', 'on_hand', 'reserved'])
    .where((eb) => eb(eb('on_hand', '-', eb.ref('reserved')), '>=', 40))
    .orderBy('on_hand', 'desc')
    .orderBy('location_code')
    .orderBy('sku_code')
    .limit(2)
    .execute();
}

export async function seedSamples(pusher: Pusher, db: Db, catalog: Catalog, today: string) {
  const season = seasonOf(today);
  const items = await stockedItems(db);
  const at = atHour(today, 9);
  const quotas = items.flatMap((item) =>
    (['A', 'B', 'C'] as const).map((grade, i) => ({
      grade,
      season,
      skuCode: item.sku_code,
      quantity: [12, 8, 4][i],
    })),
  );
  await pusher.push('sample-quotas', rows(pusher, quotas), at);
  const byGrade = (['A', 'B', 'C'] as const).flatMap(
    (g) => catalog.dealers.find((d) => d.grade === g) ?? [],
  );
  await pusher.push(
    'marketing-budgets',
    rows(
      pusher,
      byGrade.map((d, i) => ({
        dealerCode: d.code,
        season,
        budget: [800_000, 400_000, 150_000][i],
      })),
    ),
    at,
  );
  const [item] = items;
  if (!item) return;
  // Grade A at its quota of 12; B half-way (4 of 8); C one of 4.
  const issues = byGrade.map((d, i) => ({
    issueRef: `YP-${today.replaceAll('-', '')}-${String(i + 1).padStart(2, '0')}`,
    issueDate: today,
    season,
    dealerCode: d.code,
    skuCode: item.sku_code,
    quantity: [12, 4, 1][i],
    locationCode: item.location_code,
    remark: '新品试穿样衣',
  }));
  await pusher.push('sample-issues', rows(pusher, issues), atHour(today, 10));
}

export async function seedIntelligence(pusher: Pusher, today: string) {
  const seen = (days: number, regionCode: string, price: number, promotion: string) => ({
    observedOn: addDays(today, -days),
    competitor: ['森马', '美特斯邦威', '太平鸟'][days % 3],
    product: '基础款圆领 T 恤',
    regionCode,
    channel: '购物中心',
    price,
    promotion,
    source: '门店走访',
  });
  await pusher.push(
    'market-intel',
    rows(pusher, [
      seen(3, 'HD', 7_900, '第二件半价'),
      seen(5, 'HN', 6_900, '满 300 减 50'),
      seen(9, 'HB', 8_900, '会员 9 折'),
      seen(12, 'XN', 5_900, '清仓 5 折'),
    ]),
    atHour(today, 11),
  );
}
