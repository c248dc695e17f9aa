// The scale bench's second baseline on PostgreSQL: a naive Express + node-postgres endpoint that
// takes the same push body and only inserts its lines (one multi-row INSERT of arrays, in a
// statement of its own), beside the 5-line orders. No checks, no audit, no duplicate guards: what
// the same HTTP, JSON and one PostgreSQL round trip cost on this machine, so an order's figure
// can be read against the floor of its own store. Its table lives in the bench's database.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import pg from 'pg';

interface PushBody {
  mutations: { rowKey: string; values: Record<string, unknown> }[];
}

interface NaivePostgres {
  url: string;
  close: () => Promise<void>;
}

export async function startNaivePostgres(databaseUrl: string): Promise<NaivePostgres> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 16 });
  await pool.query(`CREATE TABLE naive_lines (id BIGSERIAL PRIMARY KEY, row_key TEXT NOT NULL
    UNIQUE, order_ref TEXT, dealer_code TEXT, order_date TEXT, order_type TEXT, sku_code TEXT,
    quantity INTEGER, unit_price BIGINT, location_code TEXT)`);
  const app = express();
  app.use(express.json({ limit: '50mb' }));
  app.post('/push', (req, res, next) => {
    const { mutations } = req.body as PushBody;
    const column = (of: (m: PushBody['mutations'][number]) => unknown) => mutations.map(of);
    pool
      .query(
        `INSERT INTO naive_lines (row_key, order_ref, dealer_code, order_date, order_type,
          sku_code, quantity, unit_price, location_code)
        SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[],
          $6::text[], $7::int[], $8::int8[], $9::text[])`,
        [
          column((m) => m.rowKey),
          column((m) => m.values.orderRef),
          column((m) => m.values.dealerCode),
          column((m) => m.values.orderDate),
          column((m) => m.values.orderType),
          column((m) => m.values.skuCode),
          column((m) => m.values.quantity),
          column((m) => m.values.unitPrice),
          column((m) => m.values.locationCode),
        ],
      )
      .then(() => res.json({ applied: mutations.length }), next);
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}
