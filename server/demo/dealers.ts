// The demo customer file (客户档案): about forty dealers across the six regions with realistic
// company names, valid 统一社会信用代码, grades, credit limits, payment terms and contacts.
import type { Grade } from '../../shared/dealer';
import type { DemoDealer } from './catalog';
import { usccCheckCharacter } from '../../shared/uscc';
import { cities, provinceCode, type City, type TopRegion } from './places';
import type { Random } from './random';

type Channel = DemoDealer['channel'];

interface Slot {
  region: TopRegion;
  channel: Channel;
  grade?: Grade;
  name?: string;
  cityName?: string;
  address?: string;
}

const dealerSlots = (region: TopRegion, count: number): Slot[] =>
  Array.from({ length: count }, () => ({ region, channel: 'dealer' }));

/** The shape of the network; names, cities and grades of ordinary dealers are drawn at random. */
const slots: readonly Slot[] = [
  ...dealerSlots('HD', 8),
  {
    region: 'HD',
    channel: 'key-account',
    grade: 'A',
    name: '华东联合百货集团有限公司',
    cityName: '杭州',
  },
  {
    region: 'HD',
    channel: 'own-store',
    grade: 'A',
    name: '上海南京东路自营店',
    cityName: '上海',
    address: '上海市黄浦区南京东路388号',
  },
  ...dealerSlots('HN', 5),
  {
    region: 'HN',
    channel: 'key-account',
    grade: 'A',
    name: '深圳万象商业管理有限公司',
    cityName: '深圳',
  },
  {
    region: 'HN',
    channel: 'own-store',
    grade: 'A',
    name: '广州天河自营店',
    cityName: '广州',
    address: '广东省广州市天河区天河路208号',
  },
  ...dealerSlots('HB', 5),
  {
    region: 'HB',
    channel: 'key-account',
    grade: 'A',
    name: '北京京华商厦有限责任公司',
    cityName: '北京',
  },
  {
    region: 'HB',
    channel: 'group-buyer',
    grade: 'B',
    name: '北京中联企业服务有限公司',
    cityName: '北京',
  },
  ...dealerSlots('HZ', 6),
  ...dealerSlots('XN', 6),
  ...dealerSlots('DB', 4),
];

const brandWords = [
  '锦程',
  '华盛',
  '恒达',
  '瑞丰',
  '嘉禾',
  '鼎盛',
  '永信',
  '汇通',
  '佳美',
  '金帆',
  '宏远',
  '博雅',
  '天成',
  '鸿运',
  '隆泰',
  '聚福',
  '东升',
  '雅仕',
  '君尚',
  '名仕',
  '卓越',
  '盛景',
  '新纪元',
  '富华',
  '金鼎',
  '和顺',
  '尚品',
  '德润',
  '正泰',
  '乾元',
  '锦绣',
  '骏马',
  '长江',
  '泰和',
  '融信',
  '星辰',
  '凯旋',
  '明远',
  '诚信',
  '鑫源',
];
const suffixes = [
  '服饰有限公司',
  '商贸有限公司',
  '服装有限公司',
  '贸易有限公司',
  '实业有限公司',
  '服饰商行',
];
const surnames = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '罗',
  '高',
];
const givenNames = [
  '伟',
  '芳',
  '军',
  '敏',
  '静',
  '磊',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '建华',
  '志刚',
  '海燕',
  '丽娜',
  '国强',
];
const streets = [
  '人民路',
  '解放路',
  '中山路',
  '建设路',
  '长江路',
  '和平路',
  '文化路',
  '新华路',
  '胜利路',
  '青年路',
  '商业街',
  '步行街',
];
const phonePrefixes = ['139', '138', '137', '136', '135', '159', '158', '188', '186', '180', '177'];
const municipalities = new Set(['上海', '北京', '天津', '重庆']);

const ORG_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 organisation code (8 characters and a mod-11 check), the 9th–17th characters of a USCC. */
function organisationCode(random: Random): string {
  const body = Array.from({ length: 8 }, (_, i) =>
    i < 2 && random.chance(0.4)
      ? 'MA'.charAt(i)
      : ORG_ALPHABET.charAt(random.int(0, ORG_ALPHABET.length - 1)),
  ).join('');
  const sum = ORG_WEIGHTS.reduce(
    (total, weight, i) => total + parseInt(body.charAt(i), 36) * weight,
    0,
  );
  const check = 11 - (sum % 11);
  return body + (check === 10 ? 'X' : check === 11 ? '0' : String(check));
}

/** A valid 统一社会信用代码: 9 (market regulator) 1 (enterprise), division, organisation code, check. */
function makeUscc(random: Random, division: string): string {
  const first17 = `91${division}${organisationCode(random)}`;
  const check = usccCheckCharacter(first17);
  if (check === null) throw new Error(`bad USCC body ${first17}`);
  return first17 + check;
}

function provinceName(c: City): string {
  if (municipalities.has(c.province)) return '';
  if (c.province === '广西') return '广西壮族自治区';
  return `${c.province}省`;
}

const phone = (random: Random) =>
  random.pick(phonePrefixes) + String(random.int(0, 99_999_999)).padStart(8, '0');

const address = (random: Random, c: City) =>
  `${provinceName(c)}${c.name}市${random.pick(c.districts)}${random.pick(streets)}${random.int(1, 399)}号`;

/**
 * Credit limits in fen by grade and channel, sized to what each kind of customer really carries:
 * receivables over its payment terms plus open orders — a 订货会 order stays open for three
 * months before it ships — so a dealer that pays on time stays within its limit.
 */
function creditLimit(random: Random, grade: Grade, channel: Channel): number {
  if (channel === 'key-account') return 3_500_000_00;
  if (channel === 'own-store') return 1_000_000_00;
  if (channel === 'group-buyer') return 1_200_000_00;
  if (grade === 'A') return random.int(16, 26) * 100_000_00;
  if (grade === 'B') return random.int(8, 15) * 100_000_00;
  return random.int(5, 10) * 40_000_00;
}

const paymentTerms = (grade: Grade, channel: Channel) =>
  channel === 'key-account' ? 60 : channel !== 'dealer' ? 30 : { A: 60, B: 45, C: 30 }[grade];

function cityFor(random: Random, slot: Slot): City {
  const inRegion = cities.filter((c) => c.region === slot.region);
  const named = inRegion.find((c) => c.name === slot.cityName);
  // Earlier cities in the table are bigger markets, so they get more dealers.
  return named ?? random.weighted(inRegion, (c) => inRegion.length - inRegion.indexOf(c) + 1);
}

function dealerName(random: Random, c: City, used: Set<string>): string {
  const word = random.pick(brandWords.filter((w) => !used.has(w)));
  used.add(word);
  return `${c.name}${word}${random.pick(suffixes)}`;
}

/** About forty dealers; two C-grade dealers end up inactive (their history stops earlier). */
export function buildDealers(random: Random): DemoDealer[] {
  const used = new Set<string>();
  const counters = new Map<TopRegion, number>();
  const dealers = slots.map((slot): DemoDealer => {
    const c = cityFor(random, slot);
    const grade =
      slot.grade ?? random.weighted(['A', 'B', 'C'] as const, (g) => ({ A: 25, B: 45, C: 30 })[g]);
    const n = (counters.get(slot.region) ?? 0) + 1;
    counters.set(slot.region, n);
    return {
      code: `${slot.region}${String(n).padStart(3, '0')}`,
      name: slot.name ?? dealerName(random, c, used),
      uscc: makeUscc(random, c.division),
      // Dealers sit in their province; the 大区 above it is what warehouses and sales users serve.
      regionCode: provinceCode(c),
      channel: slot.channel,
      grade,
      creditLimit: creditLimit(random, grade, slot.channel),
      paymentTermsDays: paymentTerms(grade, slot.channel),
      contactName: random.pick(surnames) + random.pick(givenNames),
      contactPhone: phone(random),
      address: slot.address ?? address(random, c),
      status: 'active',
    };
  });
  const cGrade = dealers.filter((d) => d.channel === 'dealer' && d.grade === 'C');
  for (const dealer of random.shuffle(cGrade).slice(0, 2)) dealer.status = 'inactive';
  return dealers;
}
