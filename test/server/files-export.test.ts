import assert from 'node:assert/strict';
import * as XLSX from 'xlsx';
import { localStamp, serverTimeZone } from '../../server/files/export';
import { suiteServer } from '../support/server';
import {
  download,
  firstSheetRows,
  pullAll,
  pushAsManager,
  readBack,
  upload,
} from '../fixtures/xlsx/workbooks';

const NOW = new Date('2026-11-27T08:30:00.000Z');
const HOSTILE_NAMES = ["=cmd|' /c calc'!A0", '+86 138 0000 0000', '-1+1', '@SUM(A1:A9)'];

const dealer = (code: string, name: string) => ({
  code,
  name,
  regionCode: 'HD',
  channel: 'dealer',
  grade: 'A',
  creditLimit: 12345678,
  paymentTermsDays: 30,
  status: 'active',
});

interface CfbLike {
  read: (data: Buffer, o: { type: 'buffer' }) => unknown;
  find: (c: unknown, p: string) => { content: Uint8Array } | null;
}
function sheetXml(bytes: Buffer): string {
  const cfb = XLSX.CFB as CfbLike;
  const entry = cfb.find(cfb.read(bytes, { type: 'buffer' }), '/xl/worksheets/sheet1.xml');
  return entry ? Buffer.from(entry.content).toString('utf8') : '';
}

describe('GET /api/v1/export/:dataset.xlsx', () => {
  const server = suiteServer({ now: () => NOW });
  before(async () => {
    await pushAsManager(server, 'regions', [{ code: 'HD', name: '华东' }]);
    await pushAsManager(
      server,
      'dealers',
      HOSTILE_NAMES.map((name, i) => dealer(`D${i + 1}`, name)),
    );
  });

  it('writes localized headers, typed cells, system columns last, a frozen header and an About sheet', async () => {
    const res = await download(server, '/api/v1/export/dealers.xlsx', { role: 'analyst' });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /spreadsheetml/);
    const rows = firstSheetRows(res.bytes);
    const header = rows[0]!.map((c) => c?.v);
    assert.equal(header[0], '经销商编码');
    assert.deepEqual(header.slice(-2), ['_key', '_version']);
    const credit = header.indexOf('信用额度');
    assert.deepEqual(
      [rows[1]![credit]?.t, rows[1]![credit]?.v, rows[1]![credit]?.z],
      ['n', 123456.78, '#,##0.00'],
    );
    assert.equal(rows[1]![header.indexOf('渠道')]?.v, '经销商', 'enums in words');
    assert.equal(rows.length, 1 + HOSTILE_NAMES.length);
    assert.match(
      sheetXml(res.bytes),
      /<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"\/>/,
    );
    const book = readBack(res.bytes);
    assert.deepEqual(book.SheetNames, ['经销商', '说明']);
    const about = XLSX.utils.sheet_to_json<string[]>(book.Sheets['说明']!, { header: 1 });
    assert.deepEqual(about[1], ['刷新时间', localStamp(NOW, serverTimeZone())]);
    assert.equal(
      sheetXml(res.bytes).match(/<col [^>]*customWidth="1"/g)?.length,
      header.length,
      'column widths',
    );
  });

  it('writes strings that start with = + - @ as text, never as formulas', async () => {
    const res = await download(server, '/api/v1/export/dealers.xlsx', { role: 'sales' });
    const rows = firstSheetRows(res.bytes);
    const names = rows.slice(1).map((r) => r[1]);
    assert.deepEqual(names.map((c) => c?.v).sort(), [...HOSTILE_NAMES].sort());
    for (const row of rows)
      for (const cell of row)
        assert.equal(cell?.f, undefined, `formula in ${JSON.stringify(cell)}`);
    for (const cell of names) assert.equal(cell?.t, 's');
    assert.doesNotMatch(sheetXml(res.bytes), /<f>/);
  });

  it('writes English headers for en-US', async () => {
    const res = await download(server, '/api/v1/export/dealers.xlsx', {
      role: 'analyst',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    const rows = firstSheetRows(res.bytes);
    assert.equal(rows[0]![0]?.v, 'Dealer code');
    assert.equal(rows[1]![rows[0]!.findIndex((c) => c?.v === 'Channel')]?.v, 'Dealer');
    assert.deepEqual(readBack(res.bytes).SheetNames, ['Dealers', 'About']);
  });

  it('round-trips: importing an export changes nothing; an edited cell updates that record', async () => {
    const exported = await download(server, '/api/v1/export/dealers.xlsx', { role: 'manager' });
    const same = await upload(server, {
      role: 'manager',
      dataset: 'dealers',
      bytes: exported.bytes,
    });
    assert.equal(same.status, 200, JSON.stringify(same.body));
    assert.deepEqual(same.body.summary, {
      rows: 4,
      applied: 0,
      unchanged: 4,
      rejected: 0,
      conflict: 0,
    });
    const book = readBack(exported.bytes);
    const sheet = book.Sheets[book.SheetNames[0]!]!;
    const row = sheet['!data']![1]!;
    row[1] = { t: 's', v: '上海新经销商' };
    const edited = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    const changed = await upload(server, { role: 'manager', dataset: 'dealers', bytes: edited });
    assert.deepEqual(
      changed.body.results.map((r: { status: string }) => r.status),
      ['applied', 'unchanged', 'unchanged', 'unchanged'],
    );
    assert.equal(changed.body.results[0].version, 2);
    const dealers = await pullAll(server, 'dealers');
    assert.equal(dealers.length, 4, 'updated in place, not duplicated');
    assert.ok(dealers.some((d) => d.values.name === '上海新经销商'));
  });

  it('refuses unknown datasets, other extensions and malformed filters', async () => {
    assert.equal((await server.call('analyst', '/api/v1/export/nothing.xlsx')).status, 404);
    assert.equal((await server.call('analyst', '/api/v1/export/dealers.csv')).status, 404);
    const bad = await server.call('analyst', '/api/v1/export/dealers.xlsx?from=yesterday');
    assert.equal(bad.status, 400);
    assert.equal((await server.call(null, '/api/v1/export/dealers.xlsx')).status, 401);
  });
});
