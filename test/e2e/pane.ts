// Reading the task pane as a person would: wait for the work a click started to finish, read the
// message bars, and find a sheet column by the field it holds.
import type { Page } from 'playwright-core';
import type { MetaResponse } from '../../shared/meta';

/** How many pieces of work the pane has finished (the workspace counts them in data-finished). */
async function finishedCount(page: Page): Promise<number> {
  return Number((await page.getByTestId('workspace').getAttribute('data-finished')) ?? '0');
}

/** Clicks a control and waits until the work it started has finished. */
export async function clickAndWait(page: Page, testId: string, timeoutMs = 30_000): Promise<void> {
  const before = await finishedCount(page);
  await page.getByTestId(testId).click();
  await waitForFinished(page, before, timeoutMs);
}

/** Presses a key on a focused control and waits for the work it started. */
export async function pressAndWait(page: Page, key: string, timeoutMs = 30_000): Promise<void> {
  const before = await finishedCount(page);
  await page.keyboard.press(key);
  await waitForFinished(page, before, timeoutMs);
}

async function waitForFinished(page: Page, before: number, timeoutMs: number): Promise<void> {
  await page.waitForFunction(
    (count) =>
      Number(
        document.querySelector('[data-testid="workspace"]')?.getAttribute('data-finished') ?? '0',
      ) > count,
    before,
    { timeout: timeoutMs, polling: 50 },
  );
}

export async function noticeTexts(page: Page): Promise<string[]> {
  return page.getByTestId('notice').allTextContents();
}

/** The header of the column holding `field` (its label in either language, or its name). */
export function columnOf(
  meta: MetaResponse,
  dataset: string,
  headers: readonly string[],
  field: string,
): string {
  const description = meta.datasets
    .find((d) => d.name === dataset)
    ?.fields.find((f) => f.name === field);
  if (!description) throw new Error(`meta has no field ${dataset}.${field}`);
  const names = [description.label['zh-CN'], description.label['en-US'], field].map(normalize);
  const header = headers.find((h) => names.includes(normalize(h)));
  if (header === undefined) throw new Error(`no column for ${field} among ${headers.join(', ')}`);
  return header;
}

/** Titles compare without the "*" of required columns, spaces or case. */
function normalize(title: string): string {
  return title.replace(/[*＊\s]/g, '').toLowerCase();
}
