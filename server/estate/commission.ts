// 佣金明细 and 结佣函: the commission lines of the months asked for (filters `from`..`to`, default
// this month), computed from the contracts, the collections, the project's rate tiers and the
// statements a manager confirmed (shared/estate/commission-rules.ts; docs/estate.md,
// "Commission"). A consultant (sales) sees only their own lines; paged as snapshots.
import {
  estateCommissionDataset,
  estateCommissionLettersDataset,
} from '../../shared/estate/commission';
import {
  commissionLines,
  type CommissionLine,
  type ContractFacts,
  type RateTier,
} from '../../shared/estate/commission-rules';
import { pageSnapshot, type DerivedRow } from '../analysis/snapshot';
import { allRecords } from '../datasets/records-store';
import type { Db } from '../store/db';
import { shanghaiDate } from '../sync/changes';
import { defineHandler, type PullRequest } from '../sync/handler';
import { collectedByContract, fullyCollectedOn } from './collection-facts';
import { estMoney } from './money-tables';

async function rateTiers(db: Db): Promise<RateTier[]> {
  const records = await allRecords(db, 'estate-commission-rates');
  return [...records.values()]
    .filter((r) => r.values.status !== 'inactive')
    .map((r) => ({
      projectCode: String(r.values.projectCode),
      fromAmount: Number(r.values.fromAmount),
      rateBp: Number(r.values.rateBp),
      signingShareBp: Number(r.values.signingShareBp),
    }));
}

async function contractFacts(db: Db): Promise<ContractFacts[]> {
  const contracts = await estMoney(db)
    .selectFrom('est_documents')
    .selectAll()
    .where('kind', '=', 'contract')
    .where('deleted', '=', 0)
    .where('state', 'in', ['active', 'cancelled'])
    .execute();
  const sums = await collectedByContract(db);
  return contracts.map((c) => {
    const cancelled = c.state === 'cancelled';
    const done = cancelled ? null : fullyCollectedOn(c, sums.get(c.id));
    return {
      id: c.id,
      consultant: c.consultant,
      projectCode: c.project_code,
      unitCode: c.unit_code,
      price: c.price,
      signMonth: c.doc_date.slice(0, 7),
      cancelledMonth: cancelled ? (c.closed_on ?? c.doc_date).slice(0, 7) : null,
      fullyCollectedMonth: done?.slice(0, 7) ?? null,
    };
  });
}

/** Confirmed statements, as `consultant|YYYY-MM`. */
async function confirmedStatements(db: Db): Promise<Set<string>> {
  const rows = await estMoney(db)
    .selectFrom('est_commission_statements')
    .select(['consultant', 'month'])
    .where('deleted', '=', 0)
    .execute();
  return new Set(rows.map((r) => `${r.consultant}|${r.month}`));
}

/** Every commission line, confirmed (as fixed) and open. */
export async function allCommissionLines(db: Db): Promise<CommissionLine[]> {
  const fixed = await estMoney(db).selectFrom('est_commission_lines').selectAll().execute();
  return commissionLines({
    contracts: await contractFacts(db),
    tiers: await rateTiers(db),
    fixed: fixed.map((l) => ({
      month: l.month,
      consultant: l.consultant,
      contractId: l.contract_id,
      stage: l.stage,
      dueMonth: l.due_month,
      projectCode: l.project_code,
      unitCode: l.unit_code,
      price: l.price,
      rateBp: l.rate_bp,
      amount: l.amount,
    })),
    confirmed: await confirmedStatements(db),
  });
}

/** The lines of the months the pull asks for, the caller's own for sales. */
async function linesFor(request: PullRequest) {
  const to = (request.filter.to ?? shanghaiDate(request.now)).slice(0, 7);
  const from = (request.filter.from ?? to).slice(0, 7);
  const own = request.user.role === 'sales' ? request.user.username : null;
  const confirmed = await confirmedStatements(request.db);
  const lines = (await allCommissionLines(request.db)).filter(
    (l) => l.month >= from && l.month <= to && (own === null || l.consultant === own),
  );
  const stateOf = (consultant: string, month: string) =>
    confirmed.has(`${consultant}|${month}`) ? 'confirmed' : 'open';
  return { lines, stateOf };
}

const stageOrder = { signing: 0, collected: 1, clawback: 2 } as const;

async function detailRows(request: PullRequest): Promise<DerivedRow[]> {
  const { lines, stateOf } = await linesFor(request);
  lines.sort(
    (a, b) =>
      a.month.localeCompare(b.month) ||
      a.consultant.localeCompare(b.consultant) ||
      a.contractId.localeCompare(b.contractId) ||
      stageOrder[a.stage] - stageOrder[b.stage],
  );
  return lines.map((l) => ({
    key: `${l.month}|${l.consultant}|${l.contractId}|${l.stage}`,
    values: { ...l, state: stateOf(l.consultant, l.month) },
  }));
}

async function letterRows(request: PullRequest): Promise<DerivedRow[]> {
  const { lines, stateOf } = await linesFor(request);
  const users = await request.db.selectFrom('users').select(['username', 'display_name']).execute();
  const names = new Map(users.map((u) => [u.username, u.display_name]));
  const letters = new Map<
    string,
    { month: string; consultant: string; lines: number; earned: number; clawedBack: number }
  >();
  for (const l of lines) {
    const key = `${l.month}|${l.consultant}`;
    const letter = letters.get(key) ?? {
      month: l.month,
      consultant: l.consultant,
      lines: 0,
      earned: 0,
      clawedBack: 0,
    };
    letter.lines += 1;
    if (l.amount < 0) letter.clawedBack += l.amount;
    else letter.earned += l.amount;
    letters.set(key, letter);
  }
  return [...letters]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, l]) => ({
      key,
      values: {
        ...l,
        consultantName: names.get(l.consultant) ?? l.consultant,
        payable: l.earned + l.clawedBack,
        state: stateOf(l.consultant, l.month),
      },
    }));
}

export function commissionHandlers() {
  return [
    defineHandler(estateCommissionDataset, {
      pull: async (request) => pageSnapshot(await detailRows(request), request),
    }),
    defineHandler(estateCommissionLettersDataset, {
      pull: async (request) => pageSnapshot(await letterRows(request), request),
    }),
  ];
}
