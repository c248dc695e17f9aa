// How each demo dealer pays (回款习惯): the accounts its money comes from (the company's account,
// for some also the owner's personal card), its rhythm (each invoice, weekly, or a monthly
// settlement), how punctual it is, whether its bank takes a fee in transit, and what it writes
// in the remark (附言). Most pay on time; some run late now and then; two are chronically
// overdue, so the collection list and the older ageing buckets have someone in them. Pure.
import type { DemoDealer } from './catalog';
import type { Random } from './random';

type Habit = 'prompt' | 'late' | 'chronic';
type Rhythm = 'per-invoice' | 'weekly' | 'monthly';
type RemarkStyle = 'order' | 'po' | 'month' | 'code' | 'none';

export interface BankAccount {
  name: string;
  account: string;
}

export interface PayerProfile {
  dealer: DemoDealer;
  habit: Habit;
  rhythm: Rhythm;
  company: BankAccount;
  /** The owner's card, when the owner sometimes pays from it. */
  personal?: BankAccount;
  /** Chance that the bank deducts a transfer fee (汇款手续费) from a payment. */
  feeChance: number;
  remarks: readonly RemarkStyle[];
}

/** Leading digits of company accounts and personal debit cards of the big banks. */
const companyPrefixes = ['1202', '3100', '4100', '1903', '7551', '3566', '5719'];
const cardPrefixes = ['622202', '621700', '622848', '622588', '621661', '623668'];

const digits = (random: Random, n: number) =>
  Array.from({ length: n }, () => String(random.int(0, 9))).join('');

function companyAccount(random: Random, dealer: DemoDealer): BankAccount {
  return { name: dealer.name, account: random.pick(companyPrefixes) + digits(random, 15) };
}

function personalAccount(random: Random, dealer: DemoDealer): BankAccount | undefined {
  const owner = dealer.contactName;
  if (dealer.channel !== 'dealer' || owner === undefined || !random.chance(0.3)) return undefined;
  return { name: owner, account: random.pick(cardPrefixes) + digits(random, 13) };
}

function rhythmOf(random: Random, dealer: DemoDealer): Rhythm {
  if (dealer.channel === 'key-account' || dealer.channel === 'own-store') return 'monthly';
  if (dealer.channel === 'group-buyer') return 'per-invoice';
  return random.weighted(
    ['per-invoice', 'weekly', 'monthly'] as const,
    (r) => ({ 'per-invoice': 40, weekly: 25, monthly: 35 })[r],
  );
}

function remarksOf(random: Random): RemarkStyle[] {
  const styles: RemarkStyle[] = ['order', 'po', 'month', 'code', 'none'];
  return random.shuffle(styles).slice(0, random.int(1, 3));
}

/** Two ordinary dealers still trading at the end are chronically late; about a third run late. */
function habits(random: Random, dealers: readonly DemoDealer[]): Map<string, Habit> {
  const ordinary = dealers.filter((d) => d.channel === 'dealer');
  const chronic = new Set(
    random
      .shuffle(ordinary.filter((d) => d.status === 'active' && d.grade !== 'A'))
      .slice(0, 2)
      .map((d) => d.code),
  );
  const result = new Map<string, Habit>();
  for (const dealer of dealers) {
    const late = dealer.channel === 'dealer' && random.chance(0.35);
    result.set(dealer.code, chronic.has(dealer.code) ? 'chronic' : late ? 'late' : 'prompt');
  }
  return result;
}

export function buildPayers(random: Random, dealers: readonly DemoDealer[]) {
  const habitOf = habits(random, dealers);
  const payers = new Map<string, PayerProfile>();
  for (const dealer of dealers) {
    const personal = personalAccount(random, dealer);
    payers.set(dealer.code, {
      dealer,
      habit: habitOf.get(dealer.code) ?? 'prompt',
      rhythm: rhythmOf(random, dealer),
      company: companyAccount(random, dealer),
      ...(personal ? { personal } : {}),
      feeChance: random.chance(0.4) ? 0.5 : 0.05,
      remarks: remarksOf(random),
    });
  }
  return payers;
}

/** People and firms that send money nobody can place at first (a stray line on the statement). */
export const strangers: readonly string[] = [
  '刘建国',
  '陈丽华',
  '上海迅达物流有限公司',
  '王海涛',
  '杭州市西湖区美衣坊服装店',
  '赵敏',
];

export function strangerAccount(random: Random, name: string): BankAccount {
  const isPerson = name.length <= 3;
  const prefix = isPerson ? random.pick(cardPrefixes) : random.pick(companyPrefixes);
  return { name, account: prefix + digits(random, isPerson ? 13 : 15) };
}
