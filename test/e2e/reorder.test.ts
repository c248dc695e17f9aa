// 补货建议 → 补货单 in the pane, end to end (docs/sell-out.md, "From suggestions to a 补货 order"):
// the sales assistant pulls the advice, picks the dealer, clicks 生成补货单, and the new orders
// sheet checks and sends like any other; axe-core on each screen, a screenshot in artifacts/.
// Fixtures: WH-E holds TEE-BLK-M 100, SOCK-WHT-F 60 (pack of 6); rules at WH-E suggest
// TEE-BLK-M max(10, 120 − 100) = 20 and SOCK-WHT-F 100 − 60 = 40 → ×6 = 42.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext } from 'playwright-core';
import { buildAddin, type BuildResult } from '../../scripts/build-addin';
import { push, seedSalesData } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/server';
import { axeViolations } from './axe';
import { launchChromium, openTaskPane } from './browser';
import { clickAndWait, noticeTexts } from './pane';
import { signIn } from './steps';
import { table } from './workbook';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('补货建议 → 补货单 in the pane (headless Chromium)', function () {
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
    const rule = (skuCode: string, values: Record<string, unknown>) => ({
      values: { locationCode: 'WH-E', skuCode, ...values },
    });
    const rules = await push(server, {
      dataset: 'replenishment-rules',
      role: 'manager',
      rows: [
        rule('TEE-BLK-M', { rule: 'reorder-level', reorderLevel: 120, reorderQuantity: 10 }),
        rule('SOCK-WHT-F', { rule: 'min-max', minQuantity: 100, maxQuantity: 100 }),
      ],
    });
    assert.equal(rules.body.summary.applied, 2, JSON.stringify(rules.body));
    browser = await launchChromium();
    fs.mkdirSync(path.join(root, 'artifacts'), { recursive: true });
  });

  after(async () => {
    await Promise.all(opened.splice(0).map((c) => c.close()));
    await (browser as Browser | undefined)?.close();
    await (server as TestServer | undefined)?.close();
  });

  it('pulls the advice, makes the order sheet for the chosen dealer, checks and sends it', async function () {
    const { context, page } = await openTaskPane(browser, {
      serverUrl: server.url,
      fakeOfficePath: build.fakeOfficePath!,
      office: { excelApi: '1.18' },
      log,
    });
    opened.push(context);
    try {
      await signIn(page, 'sales-user', false);
      await page.getByTestId('task-replenishment').click();
      await page.getByTestId('task-flow').waitFor();
      assert.match((await page.getByTestId('task-next').textContent()) ?? '', /共 4 步/);
      await clickAndWait(page, 'step-pull');
      // Without a dealer, WH-E (a warehouse) names none: the flow says so and stays.
      await clickAndWait(page, 'step-reorder');
      assert.match(
        (await page.getByTestId('task-stuck').textContent()) ?? '',
        /库位 WH-E 没有对应的经销商/,
      );
      assert.deepEqual(await axeViolations(page), [], 'axe on the stuck step');
      await page.getByTestId('reorder-dealer').selectOption('D-SH01');
      await clickAndWait(page, 'step-reorder');
      assert.match((await noticeTexts(page)).join(' '), /补货单已生成.*2 行，1 单/);
      const made = await table(page, (t) => t.headers.includes('订单类型'));
      const lines = made.rows.map((r) => [
        r['经销商编码'],
        r['订单类型'],
        r['产品编码'],
        r['数量'],
      ]);
      assert.deepEqual(
        lines.sort((a, b) => String(a[2]).localeCompare(String(b[2]))),
        [
          ['D-SH01', '补货', 'SOCK-WHT-F', 42],
          ['D-SH01', '补货', 'TEE-BLK-M', 20],
        ],
      );
      await clickAndWait(page, 'step-validate');
      await clickAndWait(page, 'step-push');
      await page
        .locator('[data-testid="task-pending"][data-changed="0"][data-problems="0"]')
        .waitFor({ timeout: 10_000 });
      assert.match((await page.getByTestId('task-next').textContent()) ?? '', /所有步骤已完成/);
      assert.deepEqual(await axeViolations(page), [], 'axe after the push');
      await page.screenshot({
        path: path.join(root, 'artifacts', 'e2e-task-reorder.png'),
        fullPage: true,
        animations: 'disabled',
      });
    } catch (error) {
      if (this.test?.state !== 'passed') console.log(log.join('\n'));
      throw error;
    }
  });
});
