// axe-core in the page: every screen the tests visit is checked against WCAG 2.1 A/AA and axe's
// best practices (a level-one heading, landmarks, names that resolve to real ids).
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** The violations axe finds on the page as it is now, as readable lines (none is the goal). */
export async function axeViolations(page: Page): Promise<string[]> {
  // The pointer rests on the button just clicked: take it away and let Fluent's colour
  // transitions end, so contrast is measured on the colours a reader sees.
  await page.mouse.move(0, 0);
  await page.waitForTimeout(400);
  const loaded = await page.evaluate(() => 'axe' in globalThis);
  if (!loaded) await page.addScriptTag({ path: axePath });
  const violations = (await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (...a: unknown[]) => Promise<unknown> } })
      .axe;
    const result = (await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      },
    })) as { violations: unknown[] };
    return result.violations;
  })) as AxeViolation[];
  return violations.map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}
