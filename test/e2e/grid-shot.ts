// A picture of a sheet as the fake workbook holds it (values and fills), for the artifacts: the
// fake host has no grid to screenshot, so the cells are drawn as an HTML table in a page of
// their own.
import type { BrowserContext } from 'playwright-core';

type Cells = Record<string, { value: unknown; fill: string | null }>;

const textOf = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '';

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export async function screenshotCells(
  context: BrowserContext,
  input: { cells: Cells; rows: number; columns: number; title: string; path: string },
): Promise<void> {
  const body = Array.from({ length: input.rows }, (_, r) => {
    const tds = Array.from({ length: input.columns }, (_, c) => {
      const cell = input.cells[`${String.fromCharCode(65 + c)}${r + 1}`];
      const style = cell?.fill ? ` style="background:${cell.fill}"` : '';
      return `<td${style}>${escape(textOf(cell?.value))}</td>`;
    });
    return `<tr><th>${r + 1}</th>${tds.join('')}</tr>`;
  });
  const page = await context.newPage();
  await page.setContent(
    `<!doctype html><html lang="zh-CN"><head><title>${escape(input.title)}</title><style>` +
      'body{font:12px sans-serif;margin:8px}table{border-collapse:collapse}' +
      'td,th{border:1px solid #bbb;padding:2px 6px;white-space:nowrap}th{color:#666}' +
      `</style></head><body><h1>${escape(input.title)}</h1><table>${body.join('')}</table></body></html>`,
  );
  await page.screenshot({ path: input.path, fullPage: true, animations: 'disabled' });
  await page.close();
}
