// The scale bench's baseline: a naive Express + better-sqlite3 endpoint that takes the same push
// body and only inserts its lines (one prepared statement, one transaction per request, the
// same JSON parser), and a stock page that is one SELECT of balances joined to their products.
// No checks, no audit, no duplicate guards: what the same HTTP and SQLite cost on their own.
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import SQLite from 'better-sqlite3';
import express from 'express';
import { DAY, PRICE, SKUS } from './scale-data';

interface Naive {
  url: string;
  /** Lines stored so far. */
  lines: () => number;
  /** Adds lines straight in SQL until `total` are stored. */
  growLines: (total: number) => void;
  /** Products (and a balance of each at one location) until `total` exist. */
  growProducts: (total: number) => void;
  bytes: () => number;
  /** Checkpoints the WAL a bulk growth left. */
  settle: () => void;
  close: () => Promise<void>;
}

interface PushBody {
  mutations: { rowKey: string; values: Record<string, unknown> }[];
}

export async function startNaive(): Promise<Naive> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sales-sync-naive-'));
  const db = new SQLite(path.join(dir, 'naive.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`
    CREATE TABLE lines (id INTEGER PRIMARY KEY, row_key TEXT NOT NULL UNIQUE, order_ref TEXT,
      dealer_code TEXT, order_date TEXT, order_type TEXT, sku_code TEXT, quantity INTEGER,
      unit_price INTEGER, location_code TEXT);
    CREATE TABLE products (sku_code TEXT PRIMARY KEY, data TEXT NOT NULL);
    CREATE TABLE balances (location_code TEXT, sku_code TEXT, on_hand INTEGER, reserved INTEGER,
      change_seq INTEGER, PRIMARY KEY (location_code, sku_code));
    CREATE INDEX balances_seq ON balances (change_seq);`);
  const insert = db.prepare(`INSERT INTO lines (row_key, order_ref, dealer_code, order_date,
    order_type, sku_code, quantity, unit_price, location_code) VALUES (?,?,?,?,?,?,?,?,?)`);
  const insertAll = db.transaction((body: PushBody) => {
    for (const { rowKey, values: v } of body.mutations)
      insert.run(
        rowKey,
        v.orderRef,
        v.dealerCode,
        v.orderDate,
        v.orderType,
        v.skuCode,
        v.quantity,
        v.unitPrice,
        v.locationCode,
      );
  });
  const page = db.prepare(`SELECT b.*, p.data FROM balances b LEFT JOIN products p
    ON p.sku_code = b.sku_code ORDER BY b.change_seq LIMIT ?`);

  const app = express();
  app.use(express.json({ limit: '50mb' }));
  app.post('/push', (req, res) => {
    const body = req.body as PushBody;
    insertAll(body);
    res.json({ applied: body.mutations.length });
  });
  app.get('/stock', (req, res) => {
    const rows = page.all(Number(req.query.limit ?? 100)) as { data: string | null }[];
    res.json({
      rows: rows.map((r) => ({ ...r, data: r.data ? (JSON.parse(r.data) as unknown) : null })),
    });
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const count = (table: string) =>
    (db.prepare(`SELECT count(*) n FROM ${table}`).get() as { n: number }).n;

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    lines: () => count('lines'),
    growLines: (total) => {
      const add = total - count('lines');
      if (add <= 0) return;
      const grow = db.prepare(insert.source);
      db.transaction(() => {
        for (let i = 0; i < add; i++)
          grow.run(
            randomUUID(),
            `G-${i}`,
            `D${i % 20}`,
            DAY,
            'normal',
            `SKU-${i % SKUS}`,
            1,
            PRICE,
            'WH',
          );
      })();
    },
    growProducts: (total) => {
      const have = count('products');
      const product = db.prepare('INSERT INTO products VALUES (?, ?)');
      const balance = db.prepare("INSERT INTO balances VALUES ('WH', ?, 100, 0, ?)");
      db.transaction(() => {
        for (let i = have; i < total; i++) {
          const sku = `SKU-${i}`;
          product.run(
            sku,
            JSON.stringify({
              skuCode: sku,
              name: sku,
              styleCode: 'S',
              colour: '黑',
              size: 'M',
              category: 'T恤',
              safetyStock: 5,
            }),
          );
          balance.run(sku, i + 1);
        }
      })();
    },
    settle: () => {
      db.pragma('wal_checkpoint(TRUNCATE)');
    },
    bytes: () => {
      db.pragma('wal_checkpoint(TRUNCATE)');
      const pages = db.pragma('page_count', { simple: true }) as number;
      const free = db.pragma('freelist_count', { simple: true }) as number;
      return (pages - free) * (db.pragma('page_size', { simple: true }) as number);
    },
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
