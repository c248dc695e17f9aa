// End to end (issue 3 "Tests"): the built task pane, served by the real server, in headless
// Chromium, with the fake Excel host in place of office.js. One person's path, step by step:
// sign in → insert an orders template → type rows, some wrong → validate → fix → push → see the
// results in `_status` → pull stock → stock changes on the server → refresh shows only the change.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildAddin, type BuildResult } from '../../scripts/build-addin';
import { dateToSerial } from '../../shared/cells';
import type { MetaResponse } from '../../shared/meta';
import { push, seedSalesData, TODAY } from '../support/fixtures';
import { PASSWORD, startTestServer, TEST_ORIGIN, type TestServer } from '../support/server';
import { launchChromium, openTaskPane } from './browser';
import { clickAndWait, columnOf, noticeTexts } from './pane';
import { selection, table, typeCell, typeRows } from './workbook';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const screenshotPath = path.join(root, 'artifacts', 'e2e-taskpane.png');

describe('task pane end to end (headless Chromium)', function () {
  this.timeout(240_000);
  let build: BuildResult;
  let server: TestServer;
  let browser: Browser;
  let meta: MetaResponse;
  const opened: BrowserContext[] = [];
  const log: string[] = [];

  before(async function () {
    this.timeout(180_000);
    build = await buildAddin({ outDir: path.join(root, 'dist') });
    server = await startTestServer({ deps: { addinDir: build.addinDir } });
    await seedSalesData(server);
    meta = (await server.call('sales', '/api/v1/meta')).body as MetaResponse;
    browser = await launchChromium();
  });

  after(async () => {
    // before() may have failed half-way: close what was opened.
    await (browser as Browser | undefined)?.close();
    await (server as TestServer | undefined)?.close();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      console.log(log.join('\n'));
      const page = opened.at(-1)?.pages()[0];
      if (page) await page.screenshot({ path: path.join(root, 'artifacts', 'e2e-failure.png'), fullPage: true }).catch(() => undefined);
    }
    await Promise.all(opened.splice(0).map((c) => c.close()));
    log.length = 0;
  });

  async function open(office: { displayLanguage?: string; darkTheme?: boolean } = {}): Promise<Page> {
    const { context, page } = await openTaskPane(browser, { serverUrl: server.url, fakeOfficePath: build.fakeOfficePath!, office: { excelApi: '1.18', ...office }, log });
    opened.push(context);
    return page;
  }

  it('serves the production page with office.js from the CDN and no fake', () => {
    const html = fs.readFileSync(path.join(build.addinDir, 'taskpane.html'), 'utf8');
    assert.match(html, /<script src="https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"><\/script>/);
    assert.ok(!fs.readdirSync(build.addinDir, { recursive: true }).some((f) => String(f).includes('fake')));
    assert.ok(fs.existsSync(path.join(build.addinDir, 'taskpane.js.map')));
    for (const size of [16, 32, 64, 80]) assert.ok(fs.existsSync(path.join(build.addinDir, 'assets', `icon-${size}.png`)));
  });

  it('walks a sales assistant from sign-in to push, pull and refresh', async () => {
    const page = await open();

    // Sign in: the server address defaults to the pane's origin; a wrong password reads as a sentence.
    await assert.doesNotReject(page.getByTestId('signin-server').waitFor());
    assert.equal(await page.getByTestId('signin-server').inputValue(), TEST_ORIGIN);
    await page.getByTestId('signin-username').fill('sales-user');
    await page.getByTestId('signin-password').fill('wrong');
    await page.getByTestId('signin-submit').click();
    assert.equal(await page.getByTestId('signin-error').textContent(), '用户名或密码不正确。');
    await page.getByTestId('signin-password').fill(PASSWORD);
    await page.getByTestId('signin-password').press('Enter'); // keyboard: Enter submits
    await assert.doesNotReject(page.getByTestId('session-user').filter({ hasText: '销售助理' }).waitFor());

    // Insert an orders template: a new sheet with a table of localized headers.
    await page.getByTestId('push-dataset').selectOption('orders');
    await clickAndWait(page, 'insert-template');
    assert.match((await noticeTexts(page)).join(' '), /模板已建在工作表/);
    const template = await table(page, (t) => t.headers.includes('_status'));
    const col = (field: string) => columnOf(meta, 'orders', template.headers, field);

    // Type three order lines; two are wrong (a negative quantity, 30 February).
    const line = (orderRef: string, skuCode: string, quantity: number, orderDate: string | number) => ({
      [col('orderRef')]: orderRef,
      [col('dealerCode')]: 'D-SH01',
      [col('orderDate')]: orderDate,
      [col('orderType')]: '常规',
      [col('skuCode')]: skuCode,
      [col('quantity')]: quantity,
      [col('unitPrice')]: 199.9,
      [col('locationCode')]: 'WH-E',
    });
    await typeRows(page, template.name, [line('PO-1001', 'TEE-BLK-M', 10, dateToSerial(TODAY)), line('PO-1001', 'TEE-BLK-L', -5, dateToSerial(TODAY)), line('PO-1002', 'TEE-BLK-M', 4, '2026-02-30')]);

    // Validate: the pane lists the problems and the sheet marks their cells.
    await clickAndWait(page, 'validate');
    const issues = page.getByTestId('issue');
    assert.equal(await issues.count(), 2, (await noticeTexts(page)).join(' '));
    const addresses = await issues.evaluateAll((items) => items.map((i) => i.getAttribute('data-address')));
    const marked = await table(page, (t) => t.name === template.name);
    for (const address of addresses) assert.ok(marked.fills[address!], `${address} is not coloured: ${JSON.stringify(marked.fills)}`);
    assert.ok(Object.keys(marked.notes).length >= 2, 'the reasons are attached to the cells');
    // Enter on an issue selects its cell.
    await issues.nth(1).focus();
    await page.keyboard.press('Enter');
    await assert.doesNotReject(waitFor(async () => (await selection(page)) === `${template.sheetName}!${addresses[1]}`));

    // Fix both rows, validate again: clean, and the marks are gone.
    await typeCell(page, { tableName: template.name, row: 1, header: col('quantity'), value: 5 });
    await typeCell(page, { tableName: template.name, row: 2, header: col('orderDate'), value: dateToSerial(TODAY) });
    await clickAndWait(page, 'validate');
    assert.equal(await page.getByTestId('issue').count(), 0);
    assert.deepEqual((await table(page, (t) => t.name === template.name)).fills, {});

    // Push: every row gets its result in _status, and _key/_version are filled.
    await clickAndWait(page, 'push');
    assert.match((await noticeTexts(page)).join(' '), /已上传 3 行：接受 3/);
    const pushed = await table(page, (t) => t.name === template.name);
    for (const row of pushed.rows) {
      assert.match(String(row._status), /SO-\d{8}-\d{4}/, JSON.stringify(row));
      assert.ok(row._key && row._version, JSON.stringify(row));
    }

    // Pull stock onto its own sheet.
    await page.getByTestId('pull-dataset').selectOption('stock');
    await clickAndWait(page, 'pull');
    const stockRows = async () => (await table(page, (t) => t.name !== template.name && t.rows.length >= 4)).rows;
    const before = await stockRows();
    const key = (r: Record<string, unknown>) => `${String(r[columnOf(meta, 'stock', Object.keys(r), 'locationCode')])}|${String(r[columnOf(meta, 'stock', Object.keys(r), 'skuCode')])}`;
    const onHand = (rows: Record<string, unknown>[], k: string) => rows.find((r) => key(r) === k)?.[columnOf(meta, 'stock', Object.keys(rows[0]!), 'onHand')];
    assert.equal(onHand(before, 'WH-E|TEE-BLK-M'), 100);

    // The warehouse receives 7 more on the server; Refresh brings exactly that one change.
    const receipt = await push(server, 'goods-receipts', [{ values: { locationCode: 'WH-E', skuCode: 'TEE-BLK-M', quantity: 7, date: TODAY, ref: 'GR-E2E' } }], { role: 'warehouse' });
    assert.equal(receipt.body.summary.applied, 1);
    await clickAndWait(page, 'refresh');
    assert.match((await noticeTexts(page)).join(' '), /新增 0，更新 1，删除 0/);
    const after = await stockRows();
    assert.equal(onHand(after, 'WH-E|TEE-BLK-M'), 107);
    assert.deepEqual(
      after.filter((r) => key(r) !== 'WH-E|TEE-BLK-M'),
      before.filter((r) => key(r) !== 'WH-E|TEE-BLK-M'),
    );

    fs.mkdirSync(path.dirname(screenshotPath), { recursive: true });
    await page.screenshot({ path: screenshotPath, fullPage: true });
  });

  it('follows Office: English display language and a dark theme', async () => {
    const page = await open({ displayLanguage: 'en-US', darkTheme: true });
    await assert.doesNotReject(page.getByRole('button', { name: 'Sign in' }).waitFor());
    assert.equal(await page.locator('.fui-FluentProvider').first().getAttribute('data-theme'), 'dark');
    await page.getByLabel('User name').fill('warehouse-user');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await assert.doesNotReject(page.getByTestId('session-user').filter({ hasText: 'Signed in as' }).waitFor());
    await page.getByTestId('sign-out').click();
    await assert.doesNotReject(page.getByTestId('signin-submit').waitFor());
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
