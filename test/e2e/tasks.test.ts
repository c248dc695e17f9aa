// The task-first pane end to end: each role signs in to a home of its own tasks and walks one
// task's flow — the pane shows where the user is and what comes next — with axe-core on every
// screen and a screenshot per role kept in artifacts/.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildAddin, type BuildResult } from '../../scripts/build-addin';
import { seedSalesData } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/server';
import { axeViolations } from './axe';
import { launchChromium, openTaskPane } from './browser';
import { clickAndWait, noticeTexts } from './pane';
import { signIn } from './steps';
import { pivots, tables } from './workbook';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shot = (role: string) => path.join(root, 'artifacts', `e2e-task-${role}.png`);

describe('task-first pane, one flow per role (headless Chromium)', function () {
  this.timeout(240_000);
  let build: BuildResult;
  let server: TestServer;
  let browser: Browser;
  const opened: BrowserContext[] = [];
  const log: string[] = [];

  before(async function () {
    this.timeout(180_000);
    build = await buildAddin({ outDir: path.join(root, 'dist') });
    server = await startTestServer({ deps: { addinDir: build.addinDir } });
    await seedSalesData(server);
    browser = await launchChromium();
    fs.mkdirSync(path.join(root, 'artifacts'), { recursive: true });
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

  async function home(username: string): Promise<Page> {
    const { context, page } = await openTaskPane(browser, {
      serverUrl: server.url,
      fakeOfficePath: build.fakeOfficePath!,
      office: { excelApi: '1.18' },
      log,
    });
    opened.push(context);
    await signIn(page, username, false);
    await page.getByTestId('task-home').waitFor();
    assert.deepEqual(await axeViolations(page), [], `axe on ${username}'s home`);
    return page;
  }

  const taskIds = (page: Page) =>
    page
      .locator('[data-testid^="task-"]')
      .evaluateAll((items) =>
        items
          .map((i) => i.getAttribute('data-testid') ?? '')
          .filter((id) => /^task-[a-z-]+$/.test(id)),
      );

  async function open(page: Page, task: string): Promise<void> {
    await page.getByTestId(`task-${task}`).click();
    await page.getByTestId('task-flow').waitFor();
    assert.deepEqual(await axeViolations(page), [], `axe on the ${task} flow`);
  }

  const currentStep = async (page: Page) =>
    page.locator('[data-testid="task-step"][aria-current="step"]').textContent();

  it('sales assistant: 录入订单 starts with a template, then says to check the rows', async () => {
    const page = await home('sales-user');
    const ids = await taskIds(page);
    assert.ok(ids.includes('task-enter-orders') && ids.includes('task-check-stock'), ids.join());
    assert.ok(!ids.includes('task-goods-receipts'), 'no warehouse task for sales');
    await open(page, 'enter-orders');
    assert.match((await page.getByTestId('task-next').textContent()) ?? '', /第 1 步，共 4 步/);
    await clickAndWait(page, 'step-template');
    assert.ok((await tables(page)).some((t) => t.headers.includes('_status')));
    await page.getByTestId('task-next').filter({ hasText: '下一步：校验' }).waitFor();
    assert.match((await currentStep(page)) ?? '', /校验/);
    assert.deepEqual(await axeViolations(page), [], 'axe after the first step');
    await page.screenshot({ path: shot('sales'), fullPage: true, animations: 'disabled' });
  });

  it('warehouse: 入库 prepares a goods-receipts sheet', async () => {
    const page = await home('warehouse-user');
    const ids = await taskIds(page);
    assert.ok(ids.includes('task-goods-receipts') && ids.includes('task-transfers'), ids.join());
    await open(page, 'goods-receipts');
    await clickAndWait(page, 'step-template');
    assert.match((await noticeTexts(page)).join(' '), /“入库”模板已建在工作表/);
    assert.match((await currentStep(page)) ?? '', /校验/);
    await page.screenshot({ path: shot('warehouse'), fullPage: true, animations: 'disabled' });
  });

  it('finance: 应收与账龄 pulls the receivable items', async () => {
    const page = await home('finance-user');
    const ids = await taskIds(page);
    assert.ok(ids.includes('task-reconcile') && ids.includes('task-receivables'), ids.join());
    assert.ok(!ids.includes('task-enter-orders'), 'finance does not change orders');
    await open(page, 'receivables');
    await clickAndWait(page, 'step-pull');
    assert.match((await noticeTexts(page)).join(' '), /应收明细/);
    assert.match((await page.getByTestId('task-next').textContent()) ?? '', /所有步骤已完成/);
    assert.deepEqual(await axeViolations(page), [], 'axe after the pull');
    await page.screenshot({ path: shot('finance'), fullPage: true, animations: 'disabled' });
  });

  it('analyst: 销售明细与透视表 pulls the facts, then adds a pivot of shipped sales', async () => {
    const page = await home('analyst-user');
    await open(page, 'sales-facts');
    await clickAndWait(page, 'step-pull');
    assert.match((await currentStep(page)) ?? '', /透视表/);
    await clickAndWait(page, 'step-pivot');
    assert.equal((await pivots(page)).length, 1);
    assert.deepEqual(await axeViolations(page), [], 'axe after the pivot');
    await page.screenshot({ path: shot('analyst'), fullPage: true, animations: 'disabled' });
    // The generic tools stay one click away.
    await page.getByTestId('task-home-back').click();
    await page.getByTestId('open-tools').click();
    await page.getByTestId('pull-dataset').waitFor();
  });
});
