// Demo money of the sales office (docs/estate.md, "Collections" and "Commission"): the project's
// commission tiers, finance's collections on the contracts — every deposit on signing, one
// contract collected in full (回款完成) — and the manager's confirmation of the month the first
// contract was signed in, so the 退房 that follows claws its commission back on the next
// statement. Pushed through runPush like every demo row.
import { estMoney } from '../estate/money-tables';
import type { Db } from '../store/db';
import { addDays, atHour } from './calendar';
import type { Pusher } from './pusher';

export interface SignedContract {
  id: string;
  signDate: string;
}

export interface EstateMoneyCounts {
  collections: number;
  fullyCollected: number;
  statements: number;
}

const tiers = [
  { code: 'P1-T1', projectCode: 'P1', fromAmount: 0, rateBp: 100 },
  { code: 'P1-T2', projectCode: 'P1', fromAmount: 1_000_000_000, rateBp: 150 },
];

export async function seedEstateMoney(input: {
  db: Db;
  finance: Pusher;
  manager: Pusher;
  contracts: readonly SignedContract[];
}): Promise<EstateMoneyCounts> {
  const { db, finance, manager, contracts } = input;
  const counts: EstateMoneyCounts = { collections: 0, fullyCollected: 0, statements: 0 };
  const first = contracts[0];
  if (!first) return counts;
  await manager.push(
    'estate-commission-rates',
    tiers.map((t) => ({
      rowKey: `demo-rate-${t.code}`,
      values: { ...t, signingShareBp: 5_000, status: 'active' },
    })),
    atHour(first.signDate, 9),
  );
  const docs = await estMoney(db)
    .selectFrom('est_documents')
    .select(['id', 'values_json'])
    .where(
      'id',
      'in',
      contracts.map((c) => c.id),
    )
    .execute();
  const schedules = new Map(
    docs.map((d) => [d.id, JSON.parse(d.values_json) as Record<string, number | undefined>]),
  );
  for (const [i, contract] of contracts.entries()) {
    const parts = schedules.get(contract.id) ?? {};
    const pay = (kind: string, amount: number | undefined, day: string, n: number) =>
      amount
        ? [
            {
              rowKey: `demo-hk-${contract.id}-${kind}`,
              values: {
                contractId: contract.id,
                collectedOn: day,
                amount,
                kind,
                receiptNo: `SJ${contract.signDate.replaceAll('-', '')}${String(n).padStart(2, '0')}`,
              },
            },
          ]
        : [];
    // Every deposit on signing; the second contract also its down payment and loan (回款完成).
    const rows = [
      ...pay('deposit', parts.deposit, contract.signDate, i),
      ...(i === 1
        ? [
            ...pay('down-payment', parts.downPayment, addDays(contract.signDate, 1), i),
            ...pay('loan', parts.loanAmount, addDays(contract.signDate, 2), i),
          ]
        : []),
    ];
    const results = await finance.push('estate-collections', rows, atHour(contract.signDate, 17));
    counts.collections += results.filter((r) => r.status === 'applied').length;
    if (i === 1 && results.every((r) => r.status === 'applied')) counts.fullyCollected += 1;
  }
  const [result] = await manager.push(
    'estate-commission-statements',
    [
      {
        rowKey: 'demo-commission-first-month',
        values: { consultant: 'demo-sales', month: first.signDate.slice(0, 7) },
      },
    ],
    atHour(addDays(first.signDate, 1), 10),
  );
  counts.statements += result?.status === 'applied' ? 1 : 0;
  return counts;
}
