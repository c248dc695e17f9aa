// The pane as a Chinese-speaking user meets it, in headless Chromium over the fake Excel host:
// axe-core finds nothing on any screen; the pickers say what they pick for; the filter fits the
// pane; a refused row is listed after a push; outside Excel the page says where to open it.
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildAddin, type BuildResult } from '../../scripts/build-addin';
import { dateToSerial } from '../../shared/cells';
import type { MetaResponse } from '../../shared/meta';
import { seedSalesData, TODAY } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/server';
import { axeViolations } from './axe';
import { launchChromium, openTaskPane } from './browser';
import { clickAndWait, columnOf, noticeTexts } from './pane';
import { signIn } from './steps';
import { table, typeRows } from './workbook';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('task pane defects and accessibility (headless Chromium)', function () {
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
    await (browser as Browser | undefined)?.close();
    await (server as TestServer | undefined)?.close();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') console.log(log.join('\n'));
    await Promise.all(opened.splice(0).map((c) => c.close()));
    log.length = 0;
  });

  async function open(office: { host?: string | null; viewport?: number } = {}): Promise<Page> {
    const { context, page } = await openTaskPane(browser, {
      serverUrl: server.url,
      fakeOfficePath: build.fakeOfficePath!,
      office: { excelApi: '1.18', ...(office.host === undefined ? {} : { host: office.host }) },
      log,
    });
    if (office.viewport) await page.setViewportSize({ width: office.viewport, height: 900 });
    opened.push(context);
    return page;
  }

  const noViolations = async (page: Page, screen: string) => {
    assert.deepEqual(await axeViolations(page), [], `axe on ${screen}`);
  };

  it('has no axe violations at sign-in, and announces a failed sign-in', async () => {
    const page = await open();
    await page.getByTestId('signin-submit').waitFor();
    await noViolations(page, 'sign-in');
    await page.getByTestId('signin-username').fill('sales-user');
    await page.getByTestId('signin-password').fill('wrong');
    await page.getByTestId('signin-submit').click();
    const error = page.getByRole('alert');
    assert.equal(await error.textContent(), '用户名或密码不正确。');
    await noViolations(page, 'sign-in with an error');
  });

  it('labels the two pickers apart and fits the filter in a 320 px pane', async () => {
    const page = await open({ viewport: 320 });
    await signIn(page, 'sales-user');
    const push = await page.getByLabel('要上传的数据集').getAttribute('data-testid');
    const pull = await page.getByLabel('要下载的数据集').getAttribute('data-testid');
    assert.deepEqual([push, pull], ['push-dataset', 'pull-dataset']);
    await page.getByRole('button', { name: '筛选（可选）' }).click();
    await page.getByTestId('filter-dealer').waitFor();
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      view: window.innerWidth,
    }));
    assert.ok(widths.page <= widths.view, `the pane scrolls sideways: ${JSON.stringify(widths)}`);
    await noViolations(page, 'workspace with the filter open');
  });

  it('lists the rows the server refused after a push, with their reasons', async () => {
    const page = await open();
    await signIn(page, 'sales-user');
    await page.getByTestId('push-dataset').selectOption('orders');
    await clickAndWait(page, 'insert-template');
    const made = await table(page, (t) => t.headers.includes('_status'));
    const col = (field: string) => columnOf(meta, 'orders', made.headers, field);
    const line = (orderRef: string, quantity: number) => ({
      [col('orderRef')]: orderRef,
      [col('dealerCode')]: 'D-SH01',
      [col('orderDate')]: dateToSerial(TODAY),
      [col('orderType')]: '常规',
      [col('skuCode')]: 'TEE-BLK-M',
      [col('quantity')]: quantity,
      [col('unitPrice')]: 199.9,
      [col('locationCode')]: 'WH-E',
    });
    // The second order is far over the dealer's credit: only the server can know.
    await typeRows(page, made.name, [line('PO-OK', 2), line('PO-BIG', 900_000)]);
    await clickAndWait(page, 'push');
    assert.match((await noticeTexts(page)).join(' '), /拒绝 1/);
    const rejected = page.getByTestId('rejected');
    assert.equal(await rejected.count(), 1);
    assert.match((await rejected.first().textContent()) ?? '', /^第 3 行/);
    await noViolations(page, 'push with a refused row');
  });

  it('says to open the pane from Excel when the page runs in a plain browser tab', async () => {
    const page = await open({ host: null });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? '', /请从 Excel 打开/);
    assert.ok(!log.some((line) => /isSetSupported/.test(line)), log.join('\n'));
    await noViolations(page, 'outside Excel');
  });

  it('keeps no English in the progress of a Chinese pane', async () => {
    const page = await open();
    await signIn(page, 'warehouse-user');
    const phases: string[] = [];
    await page.exposeFunction('__phase', (text: string) => phases.push(text));
    await page.evaluate(() => {
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="progress"]')?.textContent;
        if (text) (globalThis as unknown as { __phase: (t: string) => void }).__phase(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByTestId('pull-dataset').selectOption('stock');
    await clickAndWait(page, 'pull');
    assert.ok(phases.length > 0, 'the progress was seen');
    for (const text of phases) assert.doesNotMatch(text, /\b(pull|push|read|mark)\b/, text);
  });
});
