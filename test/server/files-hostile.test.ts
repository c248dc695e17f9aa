import assert from 'node:assert/strict';
import http from 'node:http';
import { suiteServer } from '../support/server';
import {
  declaredZipBomb,
  garbage,
  legacyXls,
  lyingZipBomb,
  manySheets,
  plainZip,
  realZipBomb,
} from '../fixtures/xlsx/hostile';
import { pullAll, upload, workbook } from '../fixtures/xlsx/workbooks';

describe('hostile and broken workbook uploads', () => {
  const server = suiteServer();

  /** Uploads `bytes` as regions, checks the refusal, its speed, and that the server still answers. */
  async function refused(
    bytes: Buffer,
    expected: { status: number; code: string; withinMs?: number },
  ) {
    const started = performance.now();
    const res = await upload(server, { role: 'manager', dataset: 'regions', bytes });
    const elapsed = performance.now() - started;
    assert.equal(res.status, expected.status, JSON.stringify(res.body));
    assert.equal(res.body.error.code, expected.code);
    assert.ok(elapsed < (expected.withinMs ?? 2000), `took ${elapsed.toFixed(0)} ms`);
    const health = await server.call(null, '/api/v1/health');
    assert.equal(health.status, 200);
    assert.deepEqual(health.body, { ok: true });
    assert.equal((await pullAll(server, 'regions')).length, 0, 'nothing was applied');
    return res;
  }

  it('answers 413 to 25 MB of zeros within 2 s, reading none of it', async () => {
    // Timed with node:http, which hands the buffer to the socket without copying: fetch copies
    // a 25 MB body first, which on a loaded machine costs more than the server's answer.
    const bytes = Buffer.alloc(25 * 1024 * 1024);
    const token = await server.tokenFor('manager');
    const started = performance.now();
    const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const url = new URL('/api/v1/import/regions', server.url);
      const req = http.request(
        url,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/octet-stream',
            'content-length': bytes.length,
          },
        },
        (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      req.end(bytes);
    });
    assert.ok(
      performance.now() - started < 2000,
      `took ${(performance.now() - started).toFixed(0)} ms`,
    );
    assert.equal(res.status, 413);
    assert.equal(
      (JSON.parse(res.body) as { error: { code: string } }).error.code,
      'file-too-large',
    );
    await refused(bytes, { status: 413, code: 'file-too-large', withinMs: 10_000 });
  });

  it('stops reading a streamed body without a length at the limit', async () => {
    const token = await server.tokenFor('manager');
    const chunk = Buffer.alloc(1024 * 1024);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1;
        if (sent > 200) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const started = performance.now();
    const res = await fetch(`${server.url}/api/v1/import/regions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body,
      duplex: 'half',
    } as RequestInit);
    assert.equal(res.status, 413);
    assert.ok(performance.now() - started < 3000);
    assert.equal((await server.call(null, '/api/v1/health')).status, 200);
  });

  it('answers 422 file-not-xlsx to random garbage', async () => {
    await refused(garbage(64 * 1024), { status: 422, code: 'file-not-xlsx' });
  });

  it('answers file-zip-bomb to 300 MB of deflated zeros', async () => {
    await refused(realZipBomb(), { status: 422, code: 'file-zip-bomb' });
  });

  it('answers file-zip-bomb to an entry declaring a huge size', async () => {
    await refused(declaredZipBomb(), { status: 422, code: 'file-zip-bomb' });
  });

  it('answers file-zip-bomb to an entry that expands past the size its header declares', async () => {
    await refused(lyingZipBomb(), { status: 422, code: 'file-zip-bomb' });
  });

  it('answers file-too-many-sheets to 5,000 sheets', async () => {
    const res = await refused(manySheets(5000), { status: 422, code: 'file-too-many-sheets' });
    assert.match(res.body.error.message, /工作表过多/);
  });

  it('answers file-too-many-sheets to 150 sheets within the entry cap', async () => {
    await refused(manySheets(150), { status: 422, code: 'file-too-many-sheets' });
  });

  it('answers file-not-xlsx to a zip that is not a workbook', async () => {
    await refused(plainZip(), { status: 422, code: 'file-not-xlsx' });
  });

  it('answers file-not-xlsx to a legacy .xls and to CSV text, even sent as octet-stream', async () => {
    await refused(legacyXls(), { status: 422, code: 'file-not-xlsx' });
    await refused(Buffer.from('区域编码,区域名称\nHD,华东\n'), {
      status: 422,
      code: 'file-not-xlsx',
    });
  });

  it('answers file-not-xlsx to a truncated workbook', async () => {
    const whole = workbook([
      ['区域编码', '区域名称'],
      ['HD', '华东'],
    ]);
    await refused(whole.subarray(0, Math.floor(whole.length / 2)), {
      status: 422,
      code: 'file-not-xlsx',
    });
  });

  it('refuses a body that is not declared as an .xlsx', async () => {
    const res = await server.call('manager', '/api/v1/import/products', {
      body: 'sku,name\n1,2\n',
      headers: { 'content-type': 'text/csv' },
    });
    assert.equal(res.status, 415);
    assert.equal(res.body.error.code, 'file-wrong-type');
  });

  it('still imports an ordinary workbook afterwards', async () => {
    const res = await upload(server, {
      role: 'manager',
      dataset: 'regions',
      bytes: workbook([
        ['区域编码', '区域名称'],
        ['HD', '华东'],
      ]),
    });
    assert.equal(res.status, 200);
    assert.equal(res.body.summary.applied, 1);
  });
});
