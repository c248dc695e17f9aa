// A sales user limited to 华南 walks every dataset they may pull, and its export, over the demo
// data: no row may belong to another region. A row's region is that of the dealer its dataset's
// `pull.regionBy` names (sales facts: the dealer a call-off is credited to, docs/group-buy.md),
// else its regionCode, its dealer's region, or (shipments) its order line's dealer's region. A pullable dataset with none of
// these must be named below as region-free, with the reason — so a new regional dataset
// cannot slip through unchecked.
import assert from 'node:assert/strict';
import * as XLSX from 'xlsx';
import { seedDemo } from '../../server/demo/seed';
import { describeDataset } from '../../shared/meta';
import { signInAs } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/server';

/** Datasets a sales user pulls that hold no region's business, and why. */
const regionFree: Record<string, string> = {
  regions: 'the region tree itself',
  products: 'the catalogue is the same everywhere',
  locations: 'warehouses and stores, not dealers',
  stock: 'stock per location × SKU, which every seller may promise from',
  'grading-schemes': 'settings',
  'analysis-settings': 'settings',
  replenishment: 'per location × SKU, like stock',
  'replenishment-rules': 'reorder rules per location × SKU, like stock',
  'rebate-policies':
    'the terms of a policy (its scope may name regions; settlements are per dealer)',
  'market-settings': 'settings: the repeat-scan window',
  'returns-settings': 'settings: the approval threshold',
  // A loan to a dealer names it (dealerCode) and is checked like any row; moves in and out of
  // the showroom and loans to staff name none.
  'sample-moves': "the showroom's own sample book",
  'sample-stock': "the showroom's samples per style",
  'sample-rotation': "the showroom's styles, slow and missing",
  'sample-quotas': 'settings: quotas per dealer grade and season',
  events: 'conferences and fairs are the company’s; their invitations name dealers',
  'event-results': 'an event’s totals against its budget',
  // A dealer's licence names its dealer (checked); a product's registration names none.
  qualifications: 'product qualifications are no region’s',
  'licence-requirements': 'settings: the licence a product category needs',
  'qualifications-expiry': 'product qualifications are no region’s',
  // A contract signed by a region names it (signingRegionCode, checked); head office's name none.
  'group-contracts': "a head-office contract is no region's",
  'delivery-allowances': 'settings: over-delivery percent per SKU',
  // Scans of shipped codes name their consignee and are checked like any row; a suspected fake
  // (never shipped) is nobody's, and may be all a region's user sees of the demo's scans.
  'market-scans': 'a scan of a never-shipped code names no dealer',
  'store-sales': 'the self-operated stores are locations, not dealers',
  'markdown-ladder': 'settings: the markdown steps',
  'store-sell-through': 'per store (a location) × style',
  'markdown-proposals': 'per store (a location) × style',
  'store-clearance': 'per store (a location) × style',
  'store-rebalancing': 'between stores (locations), not dealers',
  'complaint-slas': 'settings: hours per priority',
  // The estate module is a developer's sales office: its projects are not in dealer regions.
  'estate-projects': 'the sales office, not a dealer region',
  'estate-buildings': 'the sales office, not a dealer region',
  'estate-units': 'the sales office, not a dealer region',
  'estate-holds': 'the sales office, not a dealer region',
  'estate-subscriptions': 'the sales office, not a dealer region',
  'estate-contracts': 'the sales office, not a dealer region',
  'estate-daily-report': 'the sales office, not a dealer region',
  'estate-sell-through': 'the sales office, not a dealer region',
  'estate-visits': 'the sales office, not a dealer region',
  'estate-shifts': 'the sales office, not a dealer region',
  'estate-shift-assignments': 'the sales office, not a dealer region',
  'estate-check-ins': 'the sales office, not a dealer region',
  'estate-receptions': 'the sales office, not a dealer region',
  'estate-weekly': 'the sales office, not a dealer region',
  'estate-attendance': 'the sales office, not a dealer region',
  'estate-reception-queue': 'the sales office, not a dealer region',
  'estate-collections': 'the sales office, not a dealer region',
  'estate-collection-schedule': 'the sales office, not a dealer region',
  'estate-commission-rates': 'the sales office, not a dealer region',
  'estate-commission-statements': 'the sales office, not a dealer region',
  'estate-commission': 'the sales office, not a dealer region',
  'estate-commission-letters': 'the sales office, not a dealer region',
};

type Row = { key: string; op: string; values: Record<string, unknown> };

describe('region limits: every pullable dataset and export', function () {
  this.timeout(300_000);
  let server: TestServer;
  let token: string;
  const regionOfDealer = new Map<string, string>();
  const dealerOfLine = new Map<string, string>();
  let allowed: Set<string>;

  before(async () => {
    server = await startTestServer({ now: () => new Date('2026-11-27T04:00:00Z') });
    await seedDemo(server.store, { seed: 7, today: '2026-11-27', scale: 0.1 });
    token = await signInAs(server, { username: 'sales-hn', role: 'sales', regions: ['HN'] });
    for (const row of await pullAll('dealers', null))
      regionOfDealer.set(String(row.values.code), String(row.values.regionCode));
    for (const row of await pullAll('orders', null))
      dealerOfLine.set(String(row.values.lineId), String(row.values.dealerCode));
    const tree = await pullAll('regions', null);
    allowed = new Set(['HN']);
    for (let grew = true; grew;) {
      grew = false;
      for (const r of tree) {
        const code = String(r.values.code);
        if (!allowed.has(code) && allowed.has(String(r.values.parentCode))) {
          allowed.add(code);
          grew = true;
        }
      }
    }
  });
  after(() => server.close());

  async function pullAll(dataset: string, as: string | null): Promise<Row[]> {
    const rows: Row[] = [];
    let cursor = '';
    for (;;) {
      const res = await server.call(
        as ? null : 'manager',
        `/api/v1/sync/pull?dataset=${dataset}&limit=10000${cursor ? `&cursor=${cursor}` : ''}`,
        as ? { headers: { authorization: `Bearer ${as}` } } : {},
      );
      assert.equal(res.status, 200, `${dataset}: ${JSON.stringify(res.body)}`);
      rows.push(...(res.body.rows as Row[]).filter((r) => r.op === 'upsert'));
      if (!res.body.hasMore) return rows;
      cursor = encodeURIComponent(res.body.cursor);
    }
  }

  /** The region a row belongs to, or undefined when it names none. */
  function regionOf(values: Record<string, unknown>, regionBy?: string): string | undefined {
    const owner = regionBy === undefined ? undefined : values[regionBy];
    if (typeof owner === 'string' && owner) return regionOfDealer.get(owner) ?? `unknown:${owner}`;
    if (typeof values.regionCode === 'string' && values.regionCode) return values.regionCode;
    if (typeof values.signingRegionCode === 'string' && values.signingRegionCode)
      return values.signingRegionCode;
    const dealer =
      typeof values.dealerCode === 'string'
        ? values.dealerCode
        : typeof values.lineId === 'string'
          ? dealerOfLine.get(values.lineId)
          : undefined;
    return dealer === undefined ? undefined : (regionOfDealer.get(dealer) ?? `unknown:${dealer}`);
  }

  const salesDatasets = () =>
    [...server.deps.handlers.values()].filter((h) => h.def.pull?.roles.includes('sales'));

  it('a sales user limited to 华南 pulls no row of another region from any dataset', async () => {
    const report: string[] = [];
    const leaks: string[] = [];
    const unexplained: string[] = [];
    for (const handler of salesDatasets()) {
      const name = handler.def.name;
      const rows = await pullAll(name, token);
      const by = handler.def.pull?.regionBy;
      const regional = rows.filter((r) => regionOf(r.values, by) !== undefined);
      if (regionFree[name] === undefined && rows.length > 0 && regional.length === 0)
        unexplained.push(name);
      const foreign = regional.filter((r) => !allowed.has(regionOf(r.values, by) ?? ''));
      report.push(`${name}: ${rows.length} rows, ${foreign.length} of other regions`);
      if (foreign.length > 0) leaks.push(`${name}: ${foreign.length} rows of other regions`);
    }
    assert.deepEqual(
      unexplained,
      [],
      'no row of these names a region: list them as region-free with a reason, or limit them',
    );
    assert.deepEqual(leaks, []);
    // The walk saw real data, not empty pulls.
    assert.ok(
      report.some((line) => /^shipments: [1-9]/.test(line)),
      report.join('\n'),
    );
  });

  it('the same holds for every export a region-limited sales user may download', async () => {
    const leaks: string[] = [];
    for (const handler of salesDatasets()) {
      const name = handler.def.name;
      const res = await fetch(`${server.url}/api/v1/export/${name}.xlsx`, {
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(res.status, 200, name);
      const book = XLSX.read(Buffer.from(await res.arrayBuffer()), { type: 'buffer' });
      const sheet = book.Sheets[book.SheetNames[0]!]!;
      const cells = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1 });
      const [header = [], ...body] = cells;
      const fields = describeDataset(handler.def).fields;
      const column = (field: string) => {
        const label = fields.find((f) => f.name === field)?.label['zh-CN'];
        return header.findIndex((h) => h === label);
      };
      const by = handler.def.pull?.regionBy;
      const at: Record<string, number> = {
        regionCode: column('regionCode'),
        dealerCode: column('dealerCode'),
        lineId: column('lineId'),
        ...(by === undefined ? {} : { [by]: column(by) }),
      };
      const foreign = body.filter((row) => {
        const values: Record<string, unknown> = {};
        for (const [field, index] of Object.entries(at)) if (index >= 0) values[field] = row[index];
        const region = regionOf(values, by);
        return region !== undefined && !allowed.has(region);
      });
      if (foreign.length > 0) leaks.push(`${name}.xlsx: ${foreign.length} rows of other regions`);
    }
    assert.deepEqual(leaks, []);
  });

  it("GET /meta lists only the dealers of the user's regions, and its ETag differs by regions", async () => {
    const as = (t: string | null) => (t ? { headers: { authorization: `Bearer ${t}` } } : {});
    const mine = await server.call(null, '/api/v1/meta', as(token));
    const full = await server.call('manager', '/api/v1/meta');
    assert.equal(mine.status, 200);
    const codes = (body: any) => (body.lists.dealers as { code: string }[]).map((d) => d.code);
    const foreign = codes(mine.body).filter((c) => !allowed.has(regionOfDealer.get(c) ?? ''));
    assert.deepEqual(foreign, []);
    assert.ok(codes(mine.body).length > 0, "the user's own dealers are listed");
    assert.ok(codes(full.body).length > codes(mine.body).length, 'others see every dealer');
    assert.notEqual(mine.headers.get('etag'), full.headers.get('etag'));
  });
});
