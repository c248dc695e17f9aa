// The scale bench's client, in a process of its own (bench/scale.ts forks it), so building
// requests, JSON and HTTP on the client side never share the server's core. It sends what it is
// told over IPC through keep-alive HTTP and answers with the times it measured.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { timeOrderedKey } from '../shared/time-ordered-key';
import { DAY, DEALERS, PRICE, SKUS } from './scale-data';

export type ClientCommand =
  | {
      kind: 'push';
      url: string;
      token?: string;
      /** Order lines in all, sent in requests of `chunk` lines, one after another. */
      lines: number;
      chunk: number;
      refPrefix: string;
    }
  | {
      kind: 'orders';
      /** Client c sends to targets[c % targets.length] (several instances of one service). */
      targets: { url: string; token?: string }[];
      clients: number;
      ordersPerClient: number;
      linesPerOrder: number;
      refPrefix: string;
    }
  | { kind: 'get'; url: string; token?: string; rounds: number };

export interface ClientAnswer {
  /** Milliseconds from first request to last answer. */
  wallMs: number;
  /** Per request, in milliseconds. */
  latencies: number[];
}

let agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function request(
  url: string,
  init: { method: 'GET' | 'POST'; body?: string; headers?: Record<string, string> },
) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const headers: Record<string, string | number> = { ...init.headers };
    if (init.body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(init.body);
    }
    const req = http.request(url, { method: init.method, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

let refs = 0;

/** Order lines as a sales sheet has them: orders of `perOrder` lines, spread over the dealers. */
function orderLines(count: number, perOrder: number, refPrefix: string) {
  const first = refs;
  refs += Math.ceil(count / perOrder);
  return Array.from({ length: count }, (_, i) => {
    const order = first + Math.floor(i / perOrder);
    return {
      orderRef: `${refPrefix}-${order}`,
      dealerCode: `D${order % DEALERS}`,
      orderDate: DAY,
      orderType: 'normal',
      skuCode: `SKU-${(order * 7 + i) % SKUS}`,
      quantity: 1,
      unitPrice: PRICE,
      locationCode: 'WH',
    };
  });
}

async function push(
  url: string,
  token: string | undefined,
  lines: Record<string, unknown>[],
  clientId: string,
) {
  const mutations = lines.map((values) => ({
    mutationId: randomUUID(),
    op: 'upsert',
    rowKey: timeOrderedKey(new Date()), // as the add-in mints them (docs/protocol.md, "Row keys")
    values,
  }));
  const body = JSON.stringify({ workbookId: 'bench', clientId, dataset: 'orders', mutations });
  const headers: Record<string, string> = { 'idempotency-key': randomUUID() };
  if (token) headers.authorization = `Bearer ${token}`;
  const started = performance.now();
  const res = await request(url, { method: 'POST', body, headers });
  const ms = performance.now() - started;
  const answer = JSON.parse(res.text) as { summary?: { applied: number } };
  if (res.status !== 200 || (answer.summary && answer.summary.applied !== lines.length))
    throw new Error(`push to ${url}: ${res.status} ${res.text.slice(0, 300)}`);
  return ms;
}

async function run(command: ClientCommand): Promise<ClientAnswer> {
  const started = performance.now();
  const latencies: number[] = [];
  if (command.kind === 'push') {
    agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const lines = orderLines(command.lines, 10, command.refPrefix);
    for (let i = 0; i < lines.length; i += command.chunk)
      latencies.push(
        await push(command.url, command.token, lines.slice(i, i + command.chunk), 'bench'),
      );
  } else if (command.kind === 'orders') {
    agent = new http.Agent({ keepAlive: true, maxSockets: command.clients });
    const perClient = command.ordersPerClient * command.linesPerOrder;
    const work = Array.from({ length: command.clients }, (_, c) =>
      orderLines(perClient, command.linesPerOrder, `${command.refPrefix}-${c}`),
    );
    await Promise.all(
      work.map(async (lines, c) => {
        const target = command.targets[c % command.targets.length]!;
        for (let i = 0; i < lines.length; i += command.linesPerOrder) {
          const order = lines.slice(i, i + command.linesPerOrder);
          latencies.push(await push(target.url, target.token, order, `bench-${c}`));
        }
      }),
    );
  } else {
    agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const headers: Record<string, string> = {};
    if (command.token) headers.authorization = `Bearer ${command.token}`;
    for (let i = 0; i < command.rounds; i++) {
      const t = performance.now();
      const res = await request(command.url, { method: 'GET', headers });
      latencies.push(performance.now() - t);
      if (res.status !== 200) throw new Error(`GET ${command.url}: ${res.status} ${res.text}`);
    }
  }
  agent.destroy();
  return { wallMs: performance.now() - started, latencies };
}

process.on('message', (message: { id: number; command: ClientCommand }) => {
  run(message.command).then(
    (answer) => process.send?.({ id: message.id, answer }),
    (error: unknown) =>
      process.send?.({
        id: message.id,
        error: error instanceof Error ? error.message : String(error),
      }),
  );
});
