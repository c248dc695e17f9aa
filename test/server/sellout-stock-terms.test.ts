// The 进销存 check's returns, transfers-out and transfers-in terms from the returns store
// (docs/sell-out.md), over HTTP with every term non-zero. R-SA × FIN-BOX (dealer price ¥1,000)
// in 2026-11: opening 5, shipped 10, returned 3, transferred 2 to R-SB, received 4 from R-SC,
// sold 6 → expected closing 5 + 10 − 3 − 2 + 4 − 6 = 8; reported 7 → −1 unit, −¥1,000. The
// transfer from R-SC books R-SA a shipment of 4, which is the transfer-in and not also shipped.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { TestServer } from '../support/server';
import { addDealer, BOX, must, pullAs, startFinanceServer, TODAY } from './finance-seed';
import { orderOf, returnLine, shipLine } from './returns-seed';

const transfer = (from: string, to: string, shipmentId: string, quantity: number) => ({
  transferRef: `DT-${randomUUID().slice(0, 6)}`,
  date: TODAY,
  fromDealerCode: from,
  toDealerCode: to,
  shipmentId,
  quantity,
  locationCode: 'WH-E',
});

const report = (dealerCode: string, unitsSold: number, closingStock: number) => ({
  dealerCode,
  skuCode: 'FIN-BOX',
  period: TODAY.slice(0, 7),
  unitsSold,
  closingStock,
  openingStock: 5,
});

describe('sell-out: the 进销存 check counts returns and dealer transfers', () => {
  let server: TestServer;
  before(async () => {
    server = await startFinanceServer();
    for (const code of ['R-SA', 'R-SB', 'R-SC']) await addDealer(server, code);
    const toA = await shipLine(server, await orderOf(server, 'R-SA', 10), 10);
    const toC = await shipLine(server, await orderOf(server, 'R-SC', 5), 5);
    await must(server, 'sales', 'returns', [returnLine('R-SA', toA, 3)]);
    await must(server, 'manager', 'dealer-transfers', [
      transfer('R-SA', 'R-SB', toA, 2),
      transfer('R-SC', 'R-SA', toC, 4),
    ]);
  });
  after(() => server.close());

  const differenceOf = async (dealer: string) => {
    const rows = await pullAs(server, 'analyst', 'stock-differences', `&dealer=${dealer}`);
    return rows.map((r) => r.values);
  };

  it('takes every term from the documents: 5 + 10 − 3 − 2 + 4 − 6 = 8, reported 7', async () => {
    await must(server, 'sales', 'dealer-reports', [report('R-SA', 6, 7)]);
    const [v] = await differenceOf('R-SA');
    assert.deepEqual(
      [v?.opening, v?.shipped, v?.returns, v?.transfersOut, v?.transfersIn, v?.sold],
      [5, 10, 3, 2, 4, 6],
    );
    assert.deepEqual([v?.expectedClosing, v?.reportedClosing, v?.difference], [8, 7, -1]);
    assert.equal(v?.value, -BOX);
  });

  it('gives the receiving and the giving dealer their own side of a transfer', async () => {
    // R-SB: 5 + 0 − 0 − 0 + 2 − 1 = 6, reported 5; R-SC: 5 + 5 − 0 − 4 + 0 − 1 = 5, reported 4.
    await must(server, 'sales', 'dealer-reports', [report('R-SB', 1, 5), report('R-SC', 1, 4)]);
    const terms = async (dealer: string) => {
      const [v] = await differenceOf(dealer);
      return [v?.shipped, v?.returns, v?.transfersOut, v?.transfersIn, v?.expectedClosing];
    };
    assert.deepEqual(await terms('R-SB'), [0, 0, 0, 2, 6]);
    assert.deepEqual(await terms('R-SC'), [5, 0, 4, 0, 5]);
  });
});
