// The steps of a sales assistant's day in the task pane, each asserting what the person would
// see: in the pane (notices, issues, the mapping) and in the workbook (marks, _status, stock).
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { dateToSerial } from '../../shared/cells';
import type { MetaResponse } from '../../shared/meta';
import { push, TODAY } from '../support/fixtures';
import { PASSWORD, TEST_ORIGIN, type TestServer } from '../support/server';
import { clickAndWait, columnOf, noticeTexts } from './pane';
import { pivots, selection, table, typeCell, typeRows } from './workbook';

export interface Walk {
  page: Page;
  meta: MetaResponse;
  server: TestServer;
  /** Where the screenshot of the issue list goes. */
  issuesScreenshot: string;
}

/** The orders table the template made, and its column title for a field. */
export interface Template {
  name: string;
  sheetName: string;
  col: (field: string) => string;
}

const notices = async (page: Page) => (await noticeTexts(page)).join(' ');

export async function waitFor(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Signs in; the pane opens on the user's tasks, and `tools` goes on to the generic tools. */
export async function signIn(page: Page, username: string, tools = true): Promise<void> {
  await page.getByTestId('signin-username').fill(username);
  await page.getByTestId('signin-password').fill(PASSWORD);
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('workspace').waitFor();
  if (tools) await openTools(page);
}

/** From the home of tasks to the generic tools (send and get any dataset). */
export async function openTools(page: Page): Promise<void> {
  await page.getByTestId('open-tools').click();
  await page.getByTestId('pull-dataset').waitFor();
}

/** The server address defaults to the pane's origin; a wrong password reads as a sentence. */
export async function signInAfterATypo({ page }: Walk): Promise<void> {
  assert.equal(await page.getByTestId('signin-server').inputValue(), TEST_ORIGIN);
  await page.getByTestId('signin-username').fill('sales-user');
  await page.getByTestId('signin-password').fill('wrong');
  await page.getByTestId('signin-submit').click();
  assert.equal(await page.getByTestId('signin-error').textContent(), '用户名或密码不正确。');
  await page.getByTestId('signin-password').fill(PASSWORD);
  await page.getByTestId('signin-password').press('Enter'); // keyboard: Enter submits
  await page.getByTestId('session-user').filter({ hasText: '销售助理' }).waitFor();
  await openTools(page);
}

/** A new sheet with a table of localized headers and the system columns. */
export async function insertOrdersTemplate({ page, meta }: Walk): Promise<Template> {
  await page.getByTestId('push-dataset').selectOption('orders');
  await clickAndWait(page, 'insert-template');
  assert.match(await notices(page), /模板已建在工作表/);
  const made = await table(page, (t) => t.headers.includes('_status'));
  return {
    name: made.name,
    sheetName: made.sheetName,
    col: (field) => columnOf(meta, 'orders', made.headers, field),
  };
}

/** Three order lines; two are wrong (a negative quantity, 30 February). */
export async function typeOrdersSomeWrong({ page }: Walk, { name, col }: Template): Promise<void> {
  const line = (
    orderRef: string,
    skuCode: string,
    quantity: number,
    orderDate: string | number,
  ) => ({
    [col('orderRef')]: orderRef,
    [col('dealerCode')]: 'D-SH01',
    [col('orderDate')]: orderDate,
    [col('orderType')]: '常规',
    [col('skuCode')]: skuCode,
    [col('quantity')]: quantity,
    [col('unitPrice')]: 199.9,
    [col('locationCode')]: 'WH-E',
  });
  const today = dateToSerial(TODAY);
  await typeRows(page, name, [
    line('PO-1001', 'TEE-BLK-M', 10, today),
    line('PO-1001', 'TEE-BLK-L', -5, today),
    line('PO-1002', 'TEE-BLK-M', 4, '2026-02-30'),
  ]);
}

/** The pane lists the problems, the sheet marks their cells, Enter on a problem selects its cell. */
export async function validateAndSeeIssues(
  { page, issuesScreenshot }: Walk,
  template: Template,
): Promise<void> {
  await clickAndWait(page, 'validate');
  const issues = page.getByTestId('issue');
  assert.equal(await issues.count(), 2, await notices(page));
  const addresses = await issues.evaluateAll((items) =>
    items.map((i) => i.getAttribute('data-address') ?? ''),
  );
  const marked = await table(page, (t) => t.name === template.name);
  for (const address of addresses)
    assert.ok(marked.fills[address], `${address} is not coloured: ${JSON.stringify(marked.fills)}`);
  assert.ok(Object.keys(marked.notes).length >= 2, 'the reasons are attached to the cells');
  await page.screenshot({ path: issuesScreenshot, fullPage: true, animations: 'disabled' });
  await issues.nth(1).focus();
  await page.keyboard.press('Enter');
  await waitFor(async () => (await selection(page)) === `${template.sheetName}!${addresses[1]}`);
}

/** Fixing both rows and validating again: no problems, and the marks are gone. */
export async function fixAndValidate({ page }: Walk, { name, col }: Template): Promise<void> {
  await typeCell(page, { tableName: name, row: 1, header: col('quantity'), value: 5 });
  await typeCell(page, {
    tableName: name,
    row: 2,
    header: col('orderDate'),
    value: dateToSerial(TODAY),
  });
  await clickAndWait(page, 'validate');
  assert.equal(await page.getByTestId('issue').count(), 0);
  assert.deepEqual((await table(page, (t) => t.name === name)).fills, {});
}

/** Every row gets its result in _status (the order number), and _key/_version are filled. */
export async function pushAndSeeResults({ page }: Walk, { name }: Template): Promise<void> {
  await clickAndWait(page, 'push');
  assert.match(await notices(page), /已上传 3 行：接受 3/);
  for (const row of (await table(page, (t) => t.name === name)).rows) {
    assert.match(String(row._status), /SO-\d{8}-\d{4}/, JSON.stringify(row));
    assert.ok(row._key && row._version, JSON.stringify(row));
  }
  // Refresh status asks the server for the orders' current state (nothing shipped yet).
  await clickAndWait(page, 'refresh-status');
  assert.match(await notices(page), /\d+ 行订单的状态已更新/);
}

/** Stock pulled onto its own sheet; a receipt on the server; Refresh brings exactly that change. */
export async function pullStockThenRefresh(
  { page, meta, server }: Walk,
  orders: Template,
): Promise<void> {
  await page.getByTestId('pull-dataset').selectOption('stock');
  await clickAndWait(page, 'pull');
  const stockRows = async () =>
    (await table(page, (t) => t.name !== orders.name && t.rows.length >= 4)).rows;
  const field = (row: Record<string, unknown>, name: string) =>
    row[columnOf(meta, 'stock', Object.keys(row), name)];
  const key = (row: Record<string, unknown>) =>
    `${String(field(row, 'locationCode'))}|${String(field(row, 'skuCode'))}`;
  const changed = 'WH-E|TEE-BLK-M';
  const before = await stockRows();
  const onHand = (rows: Record<string, unknown>[]) =>
    field(rows.find((r) => key(r) === changed) ?? {}, 'onHand');
  assert.equal(onHand(before), 100);

  const values = {
    locationCode: 'WH-E',
    skuCode: 'TEE-BLK-M',
    quantity: 7,
    date: TODAY,
    ref: 'GR-E2E',
  };
  const receipt = await push(server, {
    dataset: 'goods-receipts',
    role: 'warehouse',
    rows: [{ values }],
  });
  assert.equal(receipt.body.summary.applied, 1);
  await clickAndWait(page, 'refresh');
  assert.match(await notices(page), /新增 0，更新 1，删除 0/);
  const after = await stockRows();
  assert.equal(onHand(after), 107);
  const others = (rows: Record<string, unknown>[]) => rows.filter((r) => key(r) !== changed);
  assert.deepEqual(others(after), others(before));
}

/** A PivotTable over the pulled stock, on a sheet of its own. */
export async function addPivot({ page }: Walk): Promise<void> {
  await clickAndWait(page, 'add-pivot');
  assert.match(await notices(page), /已在工作表 .+ 添加数据透视表/);
  assert.equal((await pivots(page)).length, 1);
}
