// The published OpenAPI document is one others can build on: Redocly's recommended rules pass
// (declared path parameters, servers, operationIds…), and the headers and workbook bodies the
// routes really use are described.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { suiteServer } from '../support/server';

describe('openapi.json', function () {
  this.timeout(120_000);
  const server = suiteServer();
  let doc: any;
  before(async () => {
    doc = (await server.call(null, '/api/v1/openapi.json')).body;
  });

  it('passes redocly lint (recommended rules), offline', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/lint-openapi.ts'], {
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
    assert.match(run.stdout + run.stderr, /valid/);
  });

  it('names every operation, declares its path parameters, and says which headers it needs', () => {
    const ids = new Set<string>();
    for (const [path, item] of Object.entries<any>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(item)) {
        assert.ok(op.operationId, `${method} ${path}`);
        assert.ok(!ids.has(op.operationId), op.operationId);
        ids.add(op.operationId);
        for (const name of path.matchAll(/\{(\w+)\}/g))
          assert.ok(
            op.parameters.some((p: any) => p.in === 'path' && p.name === name[1] && p.required),
            `${method} ${path}: {${name[1]}}`,
          );
        assert.ok(op.parameters.some((p: any) => p.name === 'Accept-Language'));
      }
    }
    const push = doc.paths['/api/v1/sync/push'].post;
    assert.ok(push.parameters.some((p: any) => p.name === 'Idempotency-Key' && p.required));
    assert.ok(doc.servers?.length > 0);
  });

  it('describes the workbook bodies of import and export', () => {
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const upload = doc.paths['/api/v1/import/{dataset}'].post;
    assert.equal(upload.requestBody.content[xlsx].schema.format, 'binary');
    assert.ok(upload.responses['200'].content[xlsx]);
    assert.ok(doc.paths['/api/v1/export/{file}'].get.responses['200'].content[xlsx]);
  });
});
