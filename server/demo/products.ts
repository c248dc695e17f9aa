// The demo menswear range: about 25 styles (款) × colours × sizes ≈ 300 SKUs, with list and
// dealer prices, pack sizes and safety stock, plus the seasonality and size mix the history uses.
import type { DemoProduct } from './catalog';
import type { Random } from './random';

export interface Category {
  name: string;
  prefix: string;
  packSize: number;
  sizes: readonly string[];
  /** Relative demand per calendar month, January first: outerwear sells in autumn and winter. */
  season: readonly number[];
}

const letterSizes = ['S', 'M', 'L', 'XL', 'XXL'] as const;
const suitSizes = ['46', '48', '50', '52', '54'] as const;

export const categories: readonly Category[] = [
  {
    name: '衬衫',
    prefix: 'CS',
    packSize: 5,
    sizes: letterSizes,
    season: [6, 6, 9, 10, 9, 7, 6, 7, 10, 10, 8, 7],
  },
  {
    name: 'T恤',
    prefix: 'TX',
    packSize: 10,
    sizes: letterSizes,
    season: [2, 2, 4, 8, 12, 14, 14, 11, 6, 3, 2, 2],
  },
  {
    name: '西服',
    prefix: 'XF',
    packSize: 1,
    sizes: suitSizes,
    season: [8, 6, 8, 9, 7, 5, 4, 6, 10, 11, 10, 9],
  },
  {
    name: '夹克',
    prefix: 'JK',
    packSize: 2,
    sizes: letterSizes,
    season: [7, 6, 9, 8, 4, 2, 2, 5, 11, 13, 11, 8],
  },
  {
    name: '休闲裤',
    prefix: 'XK',
    packSize: 5,
    sizes: letterSizes,
    season: [7, 6, 8, 9, 9, 8, 7, 7, 9, 9, 8, 7],
  },
  {
    name: '针织衫',
    prefix: 'ZZ',
    packSize: 2,
    sizes: letterSizes,
    season: [9, 7, 5, 3, 2, 1, 1, 3, 8, 12, 13, 11],
  },
  {
    name: '羽绒服',
    prefix: 'YR',
    packSize: 1,
    sizes: letterSizes,
    season: [10, 5, 2, 1, 1, 1, 1, 2, 5, 12, 16, 15],
  },
];

interface Style {
  prefix: string;
  name: string;
  listPrice: number;
  colours: readonly string[];
}

/** List prices in whole yuan; colours are the ones the style is made in. */
const styles: readonly Style[] = [
  { prefix: 'CS', name: '商务免烫长袖衬衫', listPrice: 399, colours: ['白色', '浅蓝', '浅粉'] },
  { prefix: 'CS', name: '纯棉牛津纺衬衫', listPrice: 329, colours: ['白色', '蓝色'] },
  { prefix: 'CS', name: '竹纤维短袖衬衫', listPrice: 299, colours: ['白色', '浅蓝', '浅灰'] },
  { prefix: 'CS', name: '桑蚕丝混纺衬衫', listPrice: 699, colours: ['白色', '藏青'] },
  { prefix: 'CS', name: '格纹休闲衬衫', listPrice: 359, colours: ['蓝格', '灰格'] },
  { prefix: 'TX', name: '丝光棉翻领T恤', listPrice: 299, colours: ['白色', '黑色', '藏青'] },
  { prefix: 'TX', name: '纯棉圆领T恤', listPrice: 169, colours: ['白色', '黑色', '灰色'] },
  { prefix: 'TX', name: '冰丝POLO衫', listPrice: 259, colours: ['白色', '藏青'] },
  { prefix: 'TX', name: '印花休闲T恤', listPrice: 199, colours: ['白色', '黑色'] },
  { prefix: 'XF', name: '羊毛商务西服套装', listPrice: 2999, colours: ['藏青', '黑色', '深灰'] },
  { prefix: 'XF', name: '修身单西上衣', listPrice: 1599, colours: ['藏青', '深灰'] },
  { prefix: 'XF', name: '中华立领礼服', listPrice: 2599, colours: ['黑色', '藏青'] },
  { prefix: 'XF', name: '婚庆礼服套装', listPrice: 3599, colours: ['黑色', '酒红'] },
  { prefix: 'JK', name: '立领商务夹克', listPrice: 899, colours: ['黑色', '藏青', '卡其'] },
  { prefix: 'JK', name: '翻领休闲夹克', listPrice: 799, colours: ['黑色', '军绿'] },
  { prefix: 'JK', name: '真皮夹克', listPrice: 2899, colours: ['黑色', '棕色'] },
  { prefix: 'JK', name: '防风连帽夹克', listPrice: 699, colours: ['黑色', '深灰'] },
  { prefix: 'XK', name: '商务休闲裤', listPrice: 459, colours: ['黑色', '藏青', '卡其'] },
  { prefix: 'XK', name: '弹力修身九分裤', listPrice: 399, colours: ['黑色', '深灰'] },
  { prefix: 'XK', name: '纯棉直筒休闲裤', listPrice: 359, colours: ['卡其', '黑色'] },
  { prefix: 'ZZ', name: '羊毛圆领针织衫', listPrice: 699, colours: ['藏青', '酒红', '灰色'] },
  { prefix: 'ZZ', name: '半高领羊绒衫', listPrice: 1299, colours: ['黑色', '驼色'] },
  { prefix: 'ZZ', name: '开衫毛衣', listPrice: 599, colours: ['灰色', '藏青'] },
  { prefix: 'YR', name: '商务中长款羽绒服', listPrice: 1899, colours: ['黑色', '藏青'] },
  { prefix: 'YR', name: '轻薄立领羽绒服', listPrice: 999, colours: ['黑色', '深灰', '藏青'] },
];

const colourCodes: Readonly<Record<string, string>> = {
  白色: '01',
  浅蓝: '02',
  蓝色: '03',
  浅粉: '04',
  浅灰: '05',
  蓝格: '06',
  灰格: '07',
  黑色: '09',
  藏青: '15',
  深灰: '21',
  灰色: '22',
  卡其: '33',
  驼色: '35',
  棕色: '38',
  酒红: '45',
  军绿: '51',
};

/** How a size run splits: M and L sell most, the ends least. */
export const sizeWeights: Readonly<Record<string, number>> = {
  S: 10,
  M: 26,
  L: 30,
  XL: 22,
  XXL: 12,
  '46': 9,
  '48': 22,
  '50': 31,
  '52': 25,
  '54': 13,
};

export function categoryOf(prefix: string): Category {
  const category = categories.find((c) => c.prefix === prefix);
  if (!category) throw new Error(`unknown category ${prefix}`);
  return category;
}

/** Style codes read like a season's numbering: category, year, running number (CS2601). */
function styleCodes(yearDigits: string): string[] {
  const running = new Map<string, number>();
  return styles.map((s) => {
    const n = (running.get(s.prefix) ?? 0) + 1;
    running.set(s.prefix, n);
    return `${s.prefix}${yearDigits}${String(n).padStart(2, '0')}`;
  });
}

/** Dealer price is 55–65% of list in whole yuan, one rate per style as a price list would set it. */
function styleSkus(random: Random, style: Style, styleCode: string): DemoProduct[] {
  const category = categoryOf(style.prefix);
  const rate = random.pick([0.55, 0.58, 0.6, 0.62, 0.65]);
  const dealerYuan = Math.round(style.listPrice * rate);
  const base = category.packSize >= 5 ? 40 : 12;
  return style.colours.flatMap((colour) =>
    category.sizes.map((size) => ({
      skuCode: `${styleCode}-${colourCodes[colour] ?? '99'}-${size}`,
      name: `${style.name} ${colour} ${size}`,
      styleCode,
      colour,
      size,
      category: category.name,
      unit: style.name.includes('套装') ? '套' : '件',
      listPrice: style.listPrice * 100,
      dealerPrice: dealerYuan * 100,
      packSize: category.packSize,
      safetyStock:
        Math.round((base * (sizeWeights[size] ?? 10)) / 20 / category.packSize) *
          category.packSize || category.packSize,
      status: 'active' as const,
    })),
  );
}

/** Every SKU of the range, in style order. `yearDigits` is the season year, e.g. '26'. */
export function buildProducts(random: Random, yearDigits: string): DemoProduct[] {
  const codes = styleCodes(yearDigits);
  return styles.flatMap((style, i) => styleSkus(random, style, codes[i] ?? style.prefix));
}
