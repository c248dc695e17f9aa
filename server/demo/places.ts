// Fixed geography of the demo brand: six sales regions (大区) with provinces below them, the cities
// dealers trade from (with their administrative division codes, which a real 统一社会信用代码
// carries in characters 3–8), the brand's stock locations and its sales staff.
import type { DemoLocation, DemoRegion, DemoStaff } from './catalog';

export type TopRegion = 'HD' | 'HN' | 'HB' | 'HZ' | 'XN' | 'DB';

const topRegions: readonly { code: TopRegion; name: string }[] = [
  { code: 'HD', name: '华东' },
  { code: 'HN', name: '华南' },
  { code: 'HB', name: '华北' },
  { code: 'HZ', name: '华中' },
  { code: 'XN', name: '西南' },
  { code: 'DB', name: '东北' },
];

export interface City {
  name: string;
  province: string;
  region: TopRegion;
  /** GB/T 2260 division code of the city's main district. */
  division: string;
  districts: readonly string[];
}

/** A city: its region, [province, name, division code], and its districts. */
const city = (
  region: TopRegion,
  [province, name, division]: [string, string, string],
  districts: string[],
): City => ({ region, province, name, division, districts });

/** Cities ordered by how many dealers a brand would have there (the first of a region gets most). */
export const cities: readonly City[] = [
  city('HD', ['上海', '上海', '310101'], ['黄浦区', '静安区', '徐汇区', '浦东新区']),
  city('HD', ['浙江', '杭州', '330102'], ['上城区', '拱墅区', '西湖区', '滨江区']),
  city('HD', ['江苏', '南京', '320102'], ['玄武区', '秦淮区', '鼓楼区']),
  city('HD', ['江苏', '苏州', '320508'], ['姑苏区', '吴中区', '工业园区']),
  city('HD', ['浙江', '宁波', '330203'], ['海曙区', '鄞州区']),
  city('HD', ['福建', '泉州', '350502'], ['鲤城区', '丰泽区', '晋江市']),
  city('HD', ['山东', '济南', '370102'], ['历下区', '市中区']),
  city('HD', ['山东', '青岛', '370202'], ['市南区', '市北区']),
  city('HD', ['福建', '厦门', '350203'], ['思明区', '湖里区']),
  city('HD', ['江苏', '无锡', '320213'], ['梁溪区', '滨湖区']),
  city('HN', ['广东', '广州', '440104'], ['越秀区', '天河区', '海珠区']),
  city('HN', ['广东', '深圳', '440303'], ['罗湖区', '福田区', '南山区']),
  city('HN', ['广东', '佛山', '440604'], ['禅城区', '南海区']),
  city('HN', ['广东', '东莞', '441900'], ['南城街道', '东城街道']),
  city('HN', ['广西', '南宁', '450102'], ['兴宁区', '青秀区']),
  city('HN', ['海南', '海口', '460106'], ['龙华区', '美兰区']),
  city('HB', ['北京', '北京', '110105'], ['朝阳区', '海淀区', '东城区']),
  city('HB', ['天津', '天津', '120101'], ['和平区', '南开区']),
  city('HB', ['河北', '石家庄', '130102'], ['长安区', '桥西区']),
  city('HB', ['山西', '太原', '140105'], ['小店区', '迎泽区']),
  city('HB', ['河北', '唐山', '130203'], ['路北区', '路南区']),
  city('HZ', ['湖北', '武汉', '420103'], ['江汉区', '武昌区', '洪山区']),
  city('HZ', ['湖南', '长沙', '430102'], ['芙蓉区', '天心区', '岳麓区']),
  city('HZ', ['河南', '郑州', '410103'], ['二七区', '金水区']),
  city('HZ', ['江西', '南昌', '360102'], ['东湖区', '西湖区']),
  city('XN', ['四川', '成都', '510104'], ['锦江区', '青羊区', '武侯区']),
  city('XN', ['重庆', '重庆', '500103'], ['渝中区', '江北区', '南岸区']),
  city('XN', ['云南', '昆明', '530102'], ['五华区', '盘龙区']),
  city('XN', ['贵州', '贵阳', '520102'], ['南明区', '云岩区']),
  city('DB', ['辽宁', '沈阳', '210102'], ['和平区', '沈河区']),
  city('DB', ['辽宁', '大连', '210202'], ['中山区', '西岗区']),
  city('DB', ['黑龙江', '哈尔滨', '230102'], ['道里区', '南岗区']),
  city('DB', ['吉林', '长春', '220102'], ['南关区', '朝阳区']),
];

const provinceCodes: Readonly<Record<string, string>> = {
  上海: 'SH',
  浙江: 'ZJ',
  江苏: 'JS',
  福建: 'FJ',
  山东: 'SD',
  广东: 'GD',
  广西: 'GX',
  海南: 'HI',
  北京: 'BJ',
  天津: 'TJ',
  河北: 'HE',
  山西: 'SX',
  湖北: 'HB',
  湖南: 'HN',
  河南: 'HA',
  江西: 'JX',
  四川: 'SC',
  重庆: 'CQ',
  云南: 'YN',
  贵州: 'GZ',
  辽宁: 'LN',
  黑龙江: 'HL',
  吉林: 'JL',
};

/** A province's region code below its 大区, e.g. 浙江 → HD-ZJ. */
export function provinceCode(c: Pick<City, 'region' | 'province'>): string {
  return `${c.region}-${provinceCodes[c.province] ?? 'XX'}`;
}

/** The six 大区 first, then every province a demo city lies in, as their children. */
export function buildRegions(): DemoRegion[] {
  const regions: DemoRegion[] = topRegions.map((r) => ({
    code: r.code,
    name: r.name,
    status: 'active',
  }));
  const seen = new Set<string>();
  for (const c of cities) {
    const code = provinceCode(c);
    if (seen.has(code)) continue;
    seen.add(code);
    regions.push({ code, name: c.province, parentCode: c.region, status: 'active' });
  }
  return regions;
}

/** Where orders of each region ship from: 上海总仓 covers the north and centre, 广州仓 the south. */
export const warehouseFor: Readonly<Record<TopRegion, string>> = {
  HD: 'WH-SH',
  HZ: 'WH-SH',
  HB: 'WH-SH',
  DB: 'WH-SH',
  HN: 'WH-GZ',
  XN: 'WH-GZ',
};

export const locations: readonly DemoLocation[] = [
  {
    code: 'WH-SH',
    name: '上海总仓',
    kind: 'warehouse',
    servesRegions: 'HD,HZ,HB,DB',
    status: 'active',
  },
  { code: 'WH-GZ', name: '广州仓', kind: 'warehouse', servesRegions: 'HN,XN', status: 'active' },
  // The showroom and the stores hold samples and store stock; they serve only their own region
  // so no dealer order is ever routed to them by mistake.
  { code: 'SR-01', name: '展厅', kind: 'showroom', servesRegions: 'HD', status: 'active' },
  {
    code: 'ST-01',
    name: '上海南京东路自营店',
    kind: 'store',
    servesRegions: 'HD',
    status: 'active',
  },
  { code: 'ST-02', name: '广州天河自营店', kind: 'store', servesRegions: 'HN', status: 'active' },
];

export const staff: readonly DemoStaff[] = [
  {
    code: 'S001',
    name: '王建国',
    regionCode: 'HD',
    title: '区域经理',
    phone: '13916720451',
    status: 'active',
  },
  {
    code: 'S002',
    name: '陈晓燕',
    regionCode: 'HD',
    title: '销售助理',
    phone: '13818563207',
    status: 'active',
  },
  {
    code: 'S003',
    name: '李志强',
    regionCode: 'HN',
    title: '区域经理',
    phone: '13926047718',
    status: 'active',
  },
  {
    code: 'S004',
    name: '张丽华',
    regionCode: 'HB',
    title: '区域经理',
    phone: '13601187362',
    status: 'active',
  },
  {
    code: 'S005',
    name: '刘洋',
    regionCode: 'HZ',
    title: '区域经理',
    phone: '13807193540',
    status: 'active',
  },
  {
    code: 'S006',
    name: '赵敏',
    regionCode: 'XN',
    title: '区域经理',
    phone: '13908062915',
    status: 'active',
  },
  {
    code: 'S007',
    name: '孙浩',
    regionCode: 'DB',
    title: '区域经理',
    phone: '13940258863',
    status: 'active',
  },
  {
    code: 'S008',
    name: '周婷',
    title: '客服专员',
    phone: '13764419025',
    status: 'active',
  },
];
