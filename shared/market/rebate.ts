// Rebate calculation (奖励政策/返利), pure: a policy's rates applied to a dealer's base (fen).
// - flat: one rate on the whole base ("2%");
// - reached (达到档): the rate of the highest section the base reaches, on the whole base;
// - progressive (累进): each section's rate on the part of the base inside that section.
// Sections are typed "0:1%; 100000:2%; 300000:3%" — where each starts, in yuan, and its rate
// (up to two decimals of a percent). Each section's amount is rounded to the fen half up.
// Worked numbers: docs/market-order.md.

export const rebateMethods = ['flat', 'reached', 'progressive'] as const;
type RebateMethod = (typeof rebateMethods)[number];

export interface Section {
  /** Where the section starts, fen. */
  from: number;
  /** Rate in basis points (1% = 100). */
  rateBp: number;
}

interface SectionPart extends Section {
  /** The part of the base this section's rate is applied to, fen. */
  base: number;
  amount: number;
}

export interface Rebate {
  parts: SectionPart[];
  amount: number;
}

const RATE = /^(\d{1,3})(?:\.(\d{1,2}))?\s*%$/u;
const START = /^\d{1,12}$/u;

function parseRate(text: string): number | undefined {
  const match = RATE.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** The sections of a typed rate list, or undefined when malformed for the method. */
export function parseRates(text: string, method: RebateMethod): Section[] | undefined {
  const parts = text
    .split(/[;；]/u)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (method === 'flat') {
    const rateBp = parts.length === 1 && parts[0] ? parseRate(parts[0]) : undefined;
    return rateBp === undefined ? undefined : [{ from: 0, rateBp }];
  }
  const sections: Section[] = [];
  for (const part of parts) {
    const [start, rate, extra] = part.split(/[:：]/u);
    const rateBp = rate === undefined ? undefined : parseRate(rate);
    if (
      extra !== undefined ||
      start === undefined ||
      !START.test(start.trim()) ||
      rateBp === undefined
    )
      return undefined;
    const from = Number(start.trim()) * 100;
    const previous = sections.at(-1);
    if (previous ? from <= previous.from : from !== 0) return undefined;
    sections.push({ from, rateBp });
  }
  return sections.length > 0 ? sections : undefined;
}

const share = (base: number, rateBp: number) => Math.round((base * rateBp) / 10_000);

export function calculateRebate(
  base: number,
  sections: readonly Section[],
  method: RebateMethod,
): Rebate {
  if (base <= 0) return { parts: [], amount: 0 };
  if (method !== 'progressive') {
    const reached = [...sections].reverse().find((s) => s.from <= base);
    if (!reached) return { parts: [], amount: 0 };
    const amount = share(base, reached.rateBp);
    return { parts: [{ ...reached, base, amount }], amount };
  }
  const parts = sections.flatMap((section, i) => {
    const end = Math.min(base, sections[i + 1]?.from ?? Number.POSITIVE_INFINITY);
    if (end <= section.from) return [];
    const inside = end - section.from;
    return [{ ...section, base: inside, amount: share(inside, section.rateBp) }];
  });
  return { parts, amount: parts.reduce((sum, p) => sum + p.amount, 0) };
}

/** "100,000.00–300,000.00 × 2% = 4,000.00" per part, for the settlement sheet. */
export function describeParts(parts: readonly SectionPart[], yuan: (fen: number) => string) {
  return parts
    .map((p) => `${yuan(p.from)}起 ${yuan(p.base)} × ${p.rateBp / 100}% = ${yuan(p.amount)}`)
    .join('; ');
}
