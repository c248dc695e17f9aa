// Exports finance can hand on: the data is an Excel table with its autofilter, the header bold,
// the system columns hidden, money with a thousands separator, and the refresh time in the
// server's own time zone, named. Every check reads the produced .xlsx back.
import assert from 'node:assert/strict';
import * as XLSX from 'xlsx';
import { localStamp } from '../../server/files/export';
import { suiteServer } from '../support/server';
import { download, firstSheetRows, pushAsManager, readBack } from '../fixtures/xlsx/workbooks';

const NOW = new Date('2026-11-27T08:30:00.000Z');

interface CfbLike {
  read: (data: Buffer, o: { type: 'buffer' }) => unknown;
  find: (c: unknown, p: string) => { content: Uint8Array } | null;
}
function part(bytes: Buffer, path: string): string {
  const cfb = XLSX.CFB as CfbLike;
  const entry = cfb.find(cfb.read(bytes, { type: 'buffer' }), path);
  return entry ? Buffer.from(entry.content).toString('utf8') : '';
}

describe('exports as Excel tables', () => {
  const server = suiteServer({ now: () => NOW });
  let bytes: Buffer;
  before(async () => {
    await pushAsManager(server, 'regions', [{ code: 'HD', name: '华东' }]);
    await pushAsManager(server, 'dealers', [
      {
        code: 'D1',
        name: '上海一号',
        regionCode: 'HD',
        channel: 'dealer',
        grade: 'A',
        creditLimit: 123456789,
        paymentTermsDays: 30,
        status: 'active',
      },
    ]);
    bytes = (await download(server, '/api/v1/export/dealers.xlsx', { role: 'finance' })).bytes;
  });

  it('holds the data in an Excel table with an autofilter over every row', () => {
    const rows = firstSheetRows(bytes);
    const last = XLSX.utils.encode_cell({ r: rows.length - 1, c: rows[0]!.length - 1 });
    const table = part(bytes, '/xl/tables/table1.xml');
    assert.match(table, new RegExp(`<table [^>]*ref="A1:${last}"`));
    assert.match(table, new RegExp(`<autoFilter ref="A1:${last}"/>`));
    assert.match(table, /<tableColumn id="1" name="经销商编码"\/>/);
    assert.match(part(bytes, '/xl/worksheets/sheet1.xml'), /<tablePart r:id="rId\w+"\/>/);
    assert.match(part(bytes, '/xl/worksheets/_rels/sheet1.xml.rels'), /tables\/table1\.xml/);
    assert.match(part(bytes, '/[Content_Types].xml'), /\/xl\/tables\/table1\.xml/);
    // SheetJS reads it back as before: the import of an export still works.
    assert.equal(readBack(bytes).SheetNames.length, 2);
  });

  it('writes the header row bold', () => {
    const sheet = part(bytes, '/xl/worksheets/sheet1.xml');
    const styles = part(bytes, '/xl/styles.xml');
    const header = /<row r="1"[^>]*>([\s\S]*?)<\/row>/.exec(sheet)?.[1] ?? '';
    const xfIds = [...header.matchAll(/<c [^>]*s="(\d+)"/g)].map((m) => Number(m[1]));
    assert.equal(xfIds.length, firstSheetRows(bytes)[0]!.length, 'every header cell is styled');
    const xfs = [
      ...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(
        /<xf [^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g,
      ),
    ].map((m) => m[0]);
    const fonts = [
      ...(/<fonts[^>]*>([\s\S]*?)<\/fonts>/.exec(styles)?.[1] ?? '').matchAll(
        /<font>[\s\S]*?<\/font>|<font\/>/g,
      ),
    ].map((m) => m[0]);
    for (const id of new Set(xfIds)) {
      const fontId = Number(/fontId="(\d+)"/.exec(xfs[id] ?? '')?.[1]);
      assert.match(fonts[fontId] ?? '', /<b\/>/, `xf ${id} is bold`);
    }
  });

  it('hides the system columns and keeps the thousands separator on money', () => {
    const book = readBack(bytes);
    const sheet = book.Sheets[book.SheetNames[0]!]!;
    const header = (sheet['!data']![0] ?? []).map((c) => c.v);
    const xml = part(bytes, '/xl/worksheets/sheet1.xml');
    const hidden = (column: number) =>
      new RegExp(`<col min="${column}" max="${column}"[^>]*hidden="(1|true)"`).test(xml);
    for (const name of ['_key', '_version'])
      assert.ok(hidden(header.indexOf(name) + 1), `${name} is hidden`);
    assert.ok(!hidden(1), 'the data columns stay visible');
    const credit = sheet['!data']![1]![header.indexOf('信用额度')];
    assert.deepEqual([credit?.v, credit?.z], [1234567.89, '#,##0.00']);
  });

  it('says when the data was refreshed in the server time zone, naming the zone', () => {
    const book = readBack(bytes);
    const about = XLSX.utils.sheet_to_json<string[]>(book.Sheets['说明']!, { header: 1 });
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    assert.deepEqual(about[1], ['刷新时间', localStamp(NOW, zone)]);
    assert.equal(
      localStamp(NOW, 'Asia/Shanghai'),
      '2026-11-27 16:30:00 (Asia/Shanghai, UTC+08:00)',
    );
    assert.equal(localStamp(NOW, 'UTC'), '2026-11-27 08:30:00 (UTC, UTC+00:00)');
    assert.equal(
      localStamp(NOW, 'America/New_York'),
      '2026-11-27 03:30:00 (America/New_York, UTC-05:00)',
    );
  });
});
