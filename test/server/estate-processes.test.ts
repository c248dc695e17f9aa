// Two server processes (`tsx server/main.ts`) on one store — the SQLite file, or the PostgreSQL
// database when the tests run against one — each sent a subscription on the same unit at the same
// moment: exactly one is applied, the other is a conflict naming who holds the unit
// (docs/estate.md, "One active document per unit").
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import os from 'node:os';
import type { Role } from '../../shared/roles';
import { est } from '../../server/estate/tables';
import { onPostgres } from '../support/store';
import { startEstateServer, subscription, type EstateServer } from './estate-helpers';

interface Instance {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** `server/main.ts` as its own process on the test's store, on an ephemeral port. */
async function startInstance(location: string, name: string): Promise<Instance> {
  const port = await freePort();
  const storeEnv = onPostgres ? { SALES_SYNC_DATABASE_URL: location } : { SALES_SYNC_DB: location };
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: os.tmpdir(),
      PORT: String(port),
      SALES_SYNC_DEMO: '0',
      SALES_SYNC_INSTANCE_ID: name,
      ...storeEnv,
    },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const until = Date.now() + 60_000;
  while (!/"listening"/.test(output)) {
    if (Date.now() > until || child.exitCode !== null)
      throw new Error(`${name} did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { child, url: `http://127.0.0.1:${port}`, output: () => output, exited };
}

interface PushResult {
  status: string;
  id?: string;
  errors?: { code: string; message: string }[];
}

async function subscribe(
  server: EstateServer,
  instance: Instance,
  who: { role: Role; unitCode: string; buyerName: string },
): Promise<PushResult> {
  const res = await fetch(`${instance.url}/api/v1/sync/push`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await server.tokenFor(who.role)}`,
      'idempotency-key': randomUUID(),
      'accept-language': 'zh-CN',
    },
    body: JSON.stringify({
      workbookId: `wb-${who.role}`,
      clientId: `client-${who.role}-${instance.url}`,
      dataset: 'estate-subscriptions',
      mutations: [
        {
          mutationId: randomUUID(),
          op: 'upsert',
          rowKey: randomUUID(),
          values: subscription(who.unitCode, { buyerName: who.buyerName }),
        },
      ],
    }),
  });
  const body = (await res.json()) as { results: PushResult[] };
  assert.equal(res.status, 200, `${JSON.stringify(body)}\n${instance.output().slice(-3000)}`);
  return body.results[0]!;
}

describe('estate: two server processes, one store, one unit', function () {
  this.timeout(180_000);
  const units = ['B1-0901', 'B1-0902', 'B1-0903', 'B1-0904', 'B1-0905', 'B1-0906'];
  let server: EstateServer;
  let a: Instance | undefined;
  let b: Instance | undefined;
  before(async () => {
    server = await startEstateServer(units);
    const started = await Promise.all([
      startInstance(server.location, 'estate-a'),
      startInstance(server.location, 'estate-b'),
    ]);
    [a, b] = started;
  });
  after(async () => {
    for (const instance of [a, b]) {
      if (!instance) continue;
      instance.child.kill('SIGTERM');
      await instance.exited;
    }
    await server.close();
  });

  it('lets exactly one of two subscriptions sent to two processes at once through, each round', async () => {
    assert.ok(a && b);
    for (const unitCode of units) {
      const [first, second]: [PushResult, PushResult] = await Promise.all([
        subscribe(server, a, { role: 'sales', unitCode, buyerName: '甲' }),
        subscribe(server, b, { role: 'manager', unitCode, buyerName: '乙' }),
      ]);
      const statuses = [first.status, second.status].sort();
      assert.deepEqual(statuses, ['applied', 'conflict'], JSON.stringify([first, second]));
      const winner = first.status === 'applied' ? first : second;
      const loser = first.status === 'applied' ? second : first;
      const holder = winner === first ? 'sales-user' : 'manager-user';
      const [error] = loser.errors ?? [];
      assert.equal(error?.code, 'estate-unit-taken');
      assert.equal(
        error.message,
        `房源 ${unitCode} 已被 ${holder} (${holder}) 占用（${winner.id}，认购）。`,
      );
      const active = await est(server.store.db)
        .selectFrom('est_documents')
        .select('id')
        .where('unit_code', '=', unitCode)
        .where('active', '=', 1)
        .execute();
      assert.deepEqual(
        active.map((d) => d.id),
        [winner.id],
      );
    }
  });
});
