// The task-first pane end to end: each role signs in to a home of its own tasks and walks one
// task's flow — the pane shows where the user is, what is pending on the sheet and what comes
// next, and stays on a step that failed — with axe-core on every screen and screenshots kept in
// artifacts/ (one per role, the pending counts, the credit release, the 销控表 grid).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildAddin, type BuildResult } from '../../scripts/build-addin';
import { STATUS_FILLS } from '../../addin/core/estate-grid';
import { seedDemo } from '../../server/demo/seed';
import { dateToSerial } from '../../shared/cells';
import { listTotal } from '../../shared/estate/pricing';
import type { MetaResponse } from '../../shared/meta';
import { push, seedSalesData, TODAY } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/server';
import { axeViolations } from './axe';
import { screenshotCells } from './grid-shot';
import { launchChromium, openTaskPane } from './browser';
import { clickAndWait, columnOf, noticeTexts } from './pane';
import { signIn } from './steps';
import { addSheet, pivots, sheetCells, table, tables, typeCell, typeRows } from './workbook';

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

  /** The flow's pending counts, once read again after the last piece of work. */
  const pendingIs = (page: Page, want: { changed: number; problems: number }) =>
    page
      .locator(
        `[data-testid="task-pending"][data-changed="${want.changed}"][data-problems="${want.problems}"]`,
      )
      .waitFor({ timeout: 10_000 });

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

  it('sales assistant: 录入订单 shows what is pending and stays on a step that failed', async () => {
    const meta = (await server.call('sales', '/api/v1/meta')).body as MetaResponse;
    const page = await home('sales-user');
    await open(page, 'enter-orders');
    // Checking before there is a sheet fails: the flow says why and what to do, and stays.
    await clickAndWait(page, 'step-validate');
    const stuck = page.getByTestId('task-stuck');
    assert.match((await stuck.textContent()) ?? '', /这一步没有完成：请先选择并绑定一个表格。/);
    assert.match((await currentStep(page)) ?? '', /准备工作表/);
    assert.deepEqual(await axeViolations(page), [], 'axe on a failed step');

    await clickAndWait(page, 'step-template');
    const made = await table(page, (t) => t.headers.includes('_status'));
    const col = (field: string) => columnOf(meta, 'orders', made.headers, field);
    const line = (sku: string, quantity: number) => ({
      [col('orderRef')]: 'PO-PEND',
      [col('dealerCode')]: 'D-SH01',
      [col('orderDate')]: dateToSerial(TODAY),
      [col('orderType')]: '常规',
      [col('skuCode')]: sku,
      [col('quantity')]: quantity,
      [col('unitPrice')]: 199.9,
      [col('locationCode')]: 'WH-E',
    });
    await typeRows(page, made.name, [line('TEE-BLK-M', 4), line('TEE-BLK-L', -5)]);
    // Validate finds the negative quantity: the flow stays on 校验 and counts 2 to send, 1 wrong.
    await clickAndWait(page, 'step-validate');
    await pendingIs(page, { changed: 2, problems: 1 });
    assert.match((await stuck.textContent()) ?? '', /有 1 行有问题/);
    assert.match((await currentStep(page)) ?? '', /校验/);
    assert.match(
      (await page.getByTestId('task-pending-next').textContent()) ?? '',
      /改正有问题的行/,
    );
    assert.deepEqual(await axeViolations(page), [], 'axe with rows pending');
    await page.screenshot({ path: shot('pending'), fullPage: true, animations: 'disabled' });

    await typeCell(page, { tableName: made.name, row: 1, header: col('quantity'), value: 3 });
    await clickAndWait(page, 'step-validate');
    await pendingIs(page, { changed: 2, problems: 0 });
    assert.match((await currentStep(page)) ?? '', /上传/);
    assert.match((await page.getByTestId('task-pending-next').textContent()) ?? '', /上传这 2 行/);
    await clickAndWait(page, 'step-push');
    await pendingIs(page, { changed: 0, problems: 0 });
    assert.match((await currentStep(page)) ?? '', /查看状态/);
  });

  it('finance: 信用释放 lists the orders over the limit and releases the ticked one', async () => {
    const dealer = { code: 'D-LOW', name: 'D-LOW 服饰', regionCode: 'SH', channel: 'dealer' };
    const low = { ...dealer, grade: 'A', creditLimit: 100_000, paymentTermsDays: 30 }; // ¥1,000
    const added = await push(server, {
      dataset: 'dealers',
      rows: [{ values: { ...low, status: 'active' } }],
    });
    assert.equal(added.body.summary.applied, 1, JSON.stringify(added.body));
    const page = await home('finance-user');
    assert.ok((await taskIds(page)).includes('task-credit-release'));
    await open(page, 'credit-release');
    const order = (ref: string, dealerCode: string, quantity: number) => [
      ref,
      dealerCode,
      TODAY,
      '常规',
      'TEE-BLK-M',
      quantity,
      199.9,
      'WH-E',
    ];
    await addSheet(page, {
      name: '待放行订单',
      rows: [
        ['单号', '客户编码', '日期', '类型', '货号', '数量', '单价', '仓库'],
        order('PO-C1', 'D-LOW', 10), // ¥1,999: ¥999 over
        order('PO-C2', 'D-LOW', 8), // ¥1,599.20: ¥599.20 over
        order('PO-C3', 'D-SH01', 2),
      ],
      select: 'A2',
    });
    await clickAndWait(page, 'step-bind');
    await clickAndWait(page, 'binding-confirm');
    await pendingIs(page, { changed: 3, problems: 0 });

    await clickAndWait(page, 'step-credit-check');
    const holds = page.getByTestId('credit-hold');
    assert.deepEqual(
      await holds.evaluateAll((items) => items.map((i) => i.getAttribute('data-order'))),
      ['PO-C1', 'PO-C2'],
    );
    assert.match(
      (await holds.first().textContent()) ?? '',
      /PO-C1（D-LOW）：额度 1,000.00，已用 0.00，本单 1,999.00，超出 999.00（第 2 行）/,
    );
    assert.deepEqual(await axeViolations(page), [], 'axe on the held orders');
    await page.getByTestId('credit-tick-PO-C1').check();
    await clickAndWait(page, 'step-credit-release');
    const results = page.getByTestId('credit-result');
    assert.equal(await results.count(), 1);
    assert.equal(await results.first().getAttribute('data-status'), 'applied');
    assert.match((await results.first().textContent()) ?? '', /^第 2 行：已接受/);
    assert.deepEqual(
      await holds.evaluateAll((items) => items.map((i) => i.getAttribute('data-order'))),
      ['PO-C2'],
      'the released order leaves the list',
    );
    const sheet = await table(page, (t) => t.sheetName === '待放行订单');
    assert.deepEqual(
      sheet.rows.map((r) => /^已接受/.test(String(r._status ?? ''))),
      [true, false, false],
    );
    await pendingIs(page, { changed: 2, problems: 0 });
    assert.deepEqual(await axeViolations(page), [], 'axe after the release');
    await page.screenshot({ path: shot('credit'), fullPage: true, animations: 'disabled' });
  });

  it('sales office: 销控表 grid, a unit sold on the server, a refresh recolours only its cell', async () => {
    const estate = await startTestServer({
      deps: { addinDir: build.addinDir },
      seed: (store) => seedDemo(store, { today: TODAY, modules: ['estate'] }).then(() => undefined),
    });
    try {
      const { context, page } = await openTaskPane(browser, {
        serverUrl: estate.url,
        fakeOfficePath: build.fakeOfficePath!,
        office: { excelApi: '1.18' },
        log,
      });
      opened.push(context);
      await signIn(page, 'sales-user', false);
      await page.getByTestId('task-home').waitFor();
      assert.ok((await taskIds(page)).includes('task-sales-control'));
      await open(page, 'sales-control');
      await clickAndWait(page, 'step-grid');
      const area = { sheetName: '销控表-B1', rows: 26, columns: 10 };
      const before = await sheetCells(page, area);
      // 21 floors, top first; two units a floor; the demo's top floor is not released yet.
      assert.deepEqual(
        [before.A1?.value, before.A3?.value, before.A23?.value],
        ['销控表 B1', 21, 1],
      );
      assert.equal(before.B3?.fill, STATUS_FILLS.unreleased);
      // Sell an available unit of B1 on the server: a subscription pushed over HTTP.
      const units = (
        await estate.call('manager', '/api/v1/sync/pull?dataset=estate-units&limit=1000')
      ).body.rows as {
        values: {
          code: string;
          buildingCode: string;
          status: string;
          grossArea: number;
          listUnitPrice: number;
          floor: number;
          room: string;
        };
      }[];
      const free = units.find(
        (u) => u.values.buildingCode === 'B1' && u.values.status === 'available',
      )!;
      const price = listTotal(free.values.grossArea, free.values.listUnitPrice);
      const sold = await push(estate, {
        dataset: 'estate-subscriptions',
        role: 'sales',
        rows: [
          {
            values: {
              unitCode: free.values.code,
              buyerName: '李四',
              buyerIdNumber: '110101199001011234',
              buyerPhone: '13800000000',
              paymentMethod: 'lump-sum',
              deposit: 5_000_000,
              downPayment: price - 5_000_000,
            },
          },
        ],
      });
      assert.equal(sold.body.summary.applied, 1, JSON.stringify(sold.body));
      await clickAndWait(page, 'step-grid');
      const after = await sheetCells(page, area);
      const recoloured = Object.keys(after).filter((a) => after[a]?.fill !== before[a]?.fill);
      assert.equal(recoloured.length, 1, recoloured.join());
      const cell = after[recoloured[0] ?? ''] ?? { value: null, fill: null };
      assert.equal(cell.fill, STATUS_FILLS.subscribed);
      assert.match(String(cell.value), new RegExp(`^${free.values.room} `));
      assert.match((await noticeTexts(page)).join(' '), /“销控表-B1”：写入 3 个单元格/);
      assert.deepEqual(await axeViolations(page), [], 'axe after the grid refresh');
      await page.screenshot({ path: shot('estate-grid'), fullPage: true, animations: 'disabled' });
      // The sheet itself after the refresh: the one recoloured cell among the others.
      await screenshotCells(context, {
        cells: after,
        ...area,
        title: `销控表-B1（${recoloured.join()} 已认购）`,
        path: shot('estate-grid-sheet'),
      });
    } finally {
      await estate.close();
    }
  });
});
