// npm run bench: every figure beside a baseline from the same run (the raw engine doing the
// same work), printed as one table. Sections run one after another so they do not share cores.
import type { Row } from './row';

type Section = { title: string; load: () => Promise<() => Promise<Row[]>> };

const sections: Section[] = [
  { title: 'sync server', load: async () => (await import('./sync')).benchSync },
  { title: 'xlsx import', load: async () => (await import('./import')).benchImport },
  { title: 'add-in', load: async () => (await import('./addin')).benchAddin },
  { title: 'finance', load: async () => (await import('./finance')).benchFinance },
  { title: 'analysis', load: async () => (await import('./analysis')).benchAnalysis },
  { title: 'sell-out', load: async () => (await import('./sellout')).benchSellout },
  { title: 'stocktake', load: async () => (await import('./stock-ops')).benchStockOps },
  { title: 'scale', load: async () => (await import('./scale')).benchScale },
];

function format(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

function printTable(rows: (Row & { section: string })[]): void {
  const lines = rows.map((r) => [
    r.section,
    r.name,
    `${format(r.value)} ${r.unit}`,
    `${format(r.baseline)} ${r.unit}`,
    r.baselineName,
    r.baseline > 0 ? `${(r.value / r.baseline).toFixed(2)}×` : '—',
  ]);
  const header = ['section', 'measure', 'value', 'baseline', 'baseline is', 'ratio'];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const show = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(show(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const line of lines) console.log(show(line));
}

async function main(): Promise<void> {
  const only = process.argv[2];
  const rows: (Row & { section: string })[] = [];
  for (const section of sections) {
    if (only && !section.title.includes(only)) continue;
    console.error(`… ${section.title}`);
    const run = await section.load();
    for (const row of await run()) rows.push({ ...row, section: section.title });
  }
  printTable(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
