// 佣金: what a consultant earns on each contract, by stage, and which monthly statement each line
// belongs to (docs/estate.md, "Commission"). Pure: the server passes in the contracts, the
// project's rate tiers, and the lines of statements a manager already confirmed.
//
// - The rate is the project's tier for the consultant's contracted total in that project in the
//   contract's signing month (contracts not cancelled), in basis points; one tier from 0 is a
//   flat rate. commission = price × rate, rounded once to the fen, half up.
// - Stage `signing` (its share of the commission, half up) is due in the signing month; stage
//   `collected` (the rest, so the two sum exactly) in the month the price was fully collected.
// - A line goes on the first statement of its consultant, from its due month on, that is not
//   confirmed. Confirmed statements are fixed: their lines are stored and never recomputed.
// - A cancelled contract (退房, 换房) earns nothing more; what confirmed statements paid on it is
//   clawed back as one negative line, due in the month it was cancelled.

export interface RateTier {
  projectCode: string;
  /** The consultant's monthly contracted total (fen) from which this rate applies. */
  fromAmount: number;
  rateBp: number;
  /** The share of the commission due on signing, in basis points (5,000 = half). */
  signingShareBp: number;
}

export interface ContractFacts {
  id: string;
  consultant: string;
  projectCode: string;
  unitCode: string;
  price: number;
  /** 'YYYY-MM' */
  signMonth: string;
  /** The month of the 退房/换房 that cancelled it, or null while it stands. */
  cancelledMonth: string | null;
  /** The month the collections reached the price, or null. */
  fullyCollectedMonth: string | null;
}

export const commissionStages = ['signing', 'collected', 'clawback'] as const;
export type CommissionStage = (typeof commissionStages)[number];

export interface CommissionLine {
  /** The statement month the line is on. */
  month: string;
  consultant: string;
  contractId: string;
  stage: CommissionStage;
  dueMonth: string;
  projectCode: string;
  unitCode: string;
  price: number;
  rateBp: number;
  amount: number;
}

interface CommissionInput {
  contracts: readonly ContractFacts[];
  tiers: readonly RateTier[];
  /** Lines of confirmed statements, as they were fixed. */
  fixed: readonly CommissionLine[];
  /** Confirmed statements, as `consultant|YYYY-MM`. */
  confirmed: ReadonlySet<string>;
}

const BP = 10_000;

/** a × b ÷ 10,000, rounded half up (a, b ≥ 0; exact in doubles below 2^53). */
export function bpOf(amount: number, bp: number): number {
  return Math.floor((amount * bp * 2 + BP) / (2 * BP));
}

export function nextMonth(month: string): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  return mon === 12 ? `${year + 1}-01` : `${year}-${String(mon + 1).padStart(2, '0')}`;
}

/** The tier of a project that applies to a monthly total, or undefined without rates. */
export function tierFor(tiers: readonly RateTier[], projectCode: string, total: number) {
  let best: RateTier | undefined;
  for (const tier of tiers) {
    if (tier.projectCode !== projectCode || tier.fromAmount > total) continue;
    if (!best || tier.fromAmount > best.fromAmount) best = tier;
  }
  return best;
}

function monthlyTotals(contracts: readonly ContractFacts[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const c of contracts) {
    if (c.cancelledMonth !== null) continue;
    const key = `${c.consultant}|${c.projectCode}|${c.signMonth}`;
    totals.set(key, (totals.get(key) ?? 0) + c.price);
  }
  return totals;
}

/** Every line: the confirmed ones as fixed, the open ones on the statement they fall into. */
export function commissionLines(input: CommissionInput): CommissionLine[] {
  const { confirmed } = input;
  const firstOpen = (consultant: string, month: string) => {
    let m = month;
    while (confirmed.has(`${consultant}|${m}`)) m = nextMonth(m);
    return m;
  };
  const fixedBy = new Map<string, CommissionLine[]>();
  for (const line of input.fixed)
    fixedBy.set(line.contractId, [...(fixedBy.get(line.contractId) ?? []), line]);
  const totals = monthlyTotals(input.contracts);
  const lines: CommissionLine[] = [...input.fixed];
  for (const c of input.contracts) {
    const fixed = fixedBy.get(c.id) ?? [];
    const base = { consultant: c.consultant, contractId: c.id, projectCode: c.projectCode };
    const facts = { ...base, unitCode: c.unitCode, price: c.price };
    const add = (stage: CommissionStage, due: string, rateBp: number, amount: number) => {
      if (fixed.some((l) => l.stage === stage)) return;
      lines.push({
        ...facts,
        stage,
        dueMonth: due,
        month: firstOpen(c.consultant, due),
        rateBp,
        amount,
      });
    };
    if (c.cancelledMonth !== null) {
      const paid = fixed.reduce((sum, l) => sum + l.amount, 0);
      if (paid !== 0) add('clawback', c.cancelledMonth, 0, -paid);
      continue;
    }
    const total = totals.get(`${c.consultant}|${c.projectCode}|${c.signMonth}`) ?? 0;
    const tier = tierFor(input.tiers, c.projectCode, total);
    const signed = fixed.find((l) => l.stage === 'signing');
    const rateBp = signed?.rateBp ?? tier?.rateBp;
    if (rateBp === undefined) continue;
    const commission = bpOf(c.price, rateBp);
    const onSigning = signed?.amount ?? bpOf(commission, tier?.signingShareBp ?? BP);
    add('signing', c.signMonth, rateBp, onSigning);
    if (c.fullyCollectedMonth !== null)
      add('collected', c.fullyCollectedMonth, rateBp, commission - onSigning);
  }
  return lines;
}
