// How a shipment is stored (a `records` document of dataset 'shipments' with its JSON fields)
// is known to one module, server/datasets/shipment-records.ts; every other reader goes through
// it (docs/architecture.md, "Folders"). This test finds server code that reads shipments
// around it: a query naming the 'shipments' dataset, or a records lookup by that name.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where the storage of shipments may be named: the module itself, the schema's history. */
const allowed = [
  'server/datasets/shipment-records.ts',
  'server/store/migrations/',
  'server/demo/', // the demo seed writes through push, and names the dataset to push to
];

function serverFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return serverFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The places in `text` that read stored shipments directly (a call may span lines). */
export function directShipmentReads(text: string): string[] {
  const sqlName = /dataset\s*=\s*'shipments'|'dataset',\s*'=',\s*'shipments'/g;
  const lookup = /(?:records\w*|allRecords|recordsBy\w+)\(\s*[\w.]+\s*,\s*'shipments'/g;
  return [...text.matchAll(sqlName), ...text.matchAll(lookup)].map((m) =>
    m[0].replace(/\s+/g, ' '),
  );
}

describe('one module reads stored shipments', () => {
  it('finds a direct read when there is one (the check can fail)', () => {
    assert.equal(directShipmentReads(`WHERE r.dataset = 'shipments' AND r.deleted = 0`).length, 1);
    assert.equal(directShipmentReads(`await recordsById(db, 'shipments', ids)`).length, 1);
    assert.equal(directShipmentReads(`await allRecords(db, 'shipments')`).length, 1);
    assert.equal(directShipmentReads(`.where('dataset', '=', 'shipments')`).length, 1);
    assert.equal(directShipmentReads(`recordsById(\n    db,\n    'shipments',\n  ids)`).length, 1);
    assert.equal(directShipmentReads(`push(server, 'warehouse', 'shipments', rows)`).length, 0);
  });

  it('no server file but shipment-records.ts reads shipments from the store', () => {
    const offenders = serverFiles(path.join(root, 'server'))
      .map((file) => path.relative(root, file).split(path.sep).join('/'))
      .filter((rel) => !allowed.some((a) => rel.startsWith(a)))
      .flatMap((rel) =>
        directShipmentReads(fs.readFileSync(path.join(root, rel), 'utf8')).map(
          (line) => `${rel}: ${line.trim()}`,
        ),
      );
    assert.deepEqual(offenders, []);
  });
});
