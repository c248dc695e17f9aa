// End to end: the built task pane, served by the real server, in headless
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
import { seedSalesData, TODAY } from '../support/fixtures';
import { PASSWORD, startTestServer, type TestServer } from '../support/server';
import { axeViolations } from './axe';
import { launchChromium, openTaskPane } from './browser';
import { clickAndWait, noticeTexts } from './pane';
import {
  addPivot,
  fixAndValidate,
  insertOrdersTemplate,
  pullStockThenRefresh,
  pushAndSeeResults,
  signIn,
  signInAfterATypo,
  typeOrdersSomeWrong,
  validateAndSeeIssues,
  type Walk,
} from './steps';
import { addSheet, table } from './workbook';

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
    fs.mkdirSync(path.dirname(screenshotPath), { recursive: true });
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
      if (page)
        await page
          .screenshot({ path: path.join(root, 'artifacts', 'e2e-failure.png'), fullPage: true })
          .catch(() => undefined);
    }
    await Promise.all(opened.splice(0).map((c) => c.close()));
    log.length = 0;
  });

  async function open(
    office: { displayLanguage?: string; darkTheme?: boolean } = {},
  ): Promise<Page> {
    const { context, page } = await openTaskPane(browser, {
      serverUrl: server.url,
      fakeOfficePath: build.fakeOfficePath!,
      office: { excelApi: '1.18', ...office },
      log,
    });
    opened.push(context);
    return page;
  }

  it('serves the production page with office.js from the CDN and no fake', () => {
    const html = fs.readFileSync(path.join(build.addinDir, 'taskpane.html'), 'utf8');
    assert.match(
      html,
      /<script src="https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"><\/script>/,
    );
    assert.ok(
      !fs.readdirSync(build.addinDir, { recursive: true }).some((f) => String(f).includes('fake')),
    );
    assert.ok(fs.existsSync(path.join(build.addinDir, 'taskpane.js.map')));
    for (const size of [16, 32, 64, 80])
      assert.ok(fs.existsSync(path.join(build.addinDir, 'assets', `icon-${size}.png`)));
  });

  it('walks a sales assistant from sign-in to push, pull and refresh', async () => {
    const walk: Walk = {
      page: await open(),
      meta,
      server,
      issuesScreenshot: screenshotPath.replace('.png', '-issues.png'),
    };
    await signInAfterATypo(walk);
    const orders = await insertOrdersTemplate(walk);
    await typeOrdersSomeWrong(walk, orders);
    await validateAndSeeIssues(walk, orders);
    assert.deepEqual(await axeViolations(walk.page), [], 'axe on the issue list');
    await fixAndValidate(walk, orders);
    await pushAndSeeResults(walk, orders);
    await pullStockThenRefresh(walk, orders);
    await addPivot(walk);
    assert.deepEqual(await axeViolations(walk.page), [], 'axe after the pull and the pivot');
    await walk.page.screenshot({ path: screenshotPath, fullPage: true, animations: 'disabled' });
  });

  it('binds a sheet in the user own layout after they confirm the mapping', async () => {
    const page = await open();
    await signIn(page, 'sales-user');
    // The user's own titles: synonyms, a full-width space, a column the add-in does not know.
    const rows = [
      [
        '客户单号',
        '客户编码',
        '下单日期',
        '类型',
        '货号',
        '件数',
        '经销价',
        '仓库',
        '业务员　备注',
      ],
      ['PO-2001', 'D-SH01', dateToSerial(TODAY), '补货', 'SOCK-WHT-F', 12, 15, 'WH-E', '加急'],
    ];
    await addSheet(page, { name: '我的订单', rows, select: 'B2' });
    await page.getByTestId('push-dataset').selectOption('orders');
    await clickAndWait(page, 'bind-selection');
    const mapping = page.getByTestId('binding-table');
    await assert.doesNotReject(mapping.waitFor());
    assert.deepEqual(await axeViolations(page), [], 'axe on the mapping to confirm');
    assert.equal(await page.getByTestId('binding-field-0').inputValue(), 'orderRef');
    assert.equal(await page.getByTestId('binding-field-5').inputValue(), 'quantity');
    // The last column is the user's remark: they map it themselves, with the keyboard.
    await page.getByTestId('binding-field-8').selectOption('remark');
    await clickAndWait(page, 'binding-confirm');
    assert.match((await noticeTexts(page)).join(' '), /工作表 我的订单 已绑定到“要货订单”/);
    const bound = await table(page, (t) => t.sheetName === '我的订单');
    assert.deepEqual(bound.headers.slice(-4).sort(), ['_hash', '_key', '_status', '_version']);

    await clickAndWait(page, 'push');
    assert.match((await noticeTexts(page)).join(' '), /已上传 1 行：接受 1/);
    assert.match(
      String((await table(page, (t) => t.sheetName === '我的订单')).rows[0]?._status),
      /SO-/,
    );
  });

  it('follows Office: English display language and a dark theme', async () => {
    const page = await open({ displayLanguage: 'en-US', darkTheme: true });
    await assert.doesNotReject(page.getByRole('button', { name: 'Sign in' }).waitFor());
    assert.equal(
      await page.locator('.fui-FluentProvider').first().getAttribute('data-theme'),
      'dark',
    );
    await page.getByLabel('User name').fill('warehouse-user');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await assert.doesNotReject(
      page.getByTestId('session-user').filter({ hasText: 'Signed in as' }).waitFor(),
    );
    await page.getByTestId('sign-out').click();
    await assert.doesNotReject(page.getByTestId('signin-submit').waitFor());
  });
});
