// Headless Chromium (Debian's `chromium`, driven by playwright-core) showing the built task pane
// as Excel would: the page is served by the real server, and office.js is replaced by the fake
// Office host bundled by the build (dist/test/fake-office.js).
//
// The pane is opened at TEST_ORIGIN (https://addin.test), the origin the test server's CORS
// allows, and every request to that origin is forwarded to the real server over HTTP. So the
// pane and its API share one origin, as in a deployment, while the server keeps its real CORS
// check (a POST carries an Origin header even to its own origin).
import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { FakeOfficeOptions } from '../fakes/fake-excel';
import { TEST_ORIGIN } from '../support/server';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

export interface PaneOptions {
  serverUrl: string;
  fakeOfficePath: string;
  office?: FakeOfficeOptions;
  /** Collects what the page logs and throws, for the failure message. */
  log?: string[];
}

/** A new browser context showing the task pane; its fake workbook is `window.__fakeWorkbook`. */
export async function openTaskPane(
  browser: Browser,
  options: PaneOptions,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 380, height: 900 },
    locale: options.office?.displayLanguage ?? 'zh-CN',
  });
  const fake = fs.readFileSync(options.fakeOfficePath, 'utf8');
  // Routes run newest first: nothing leaves the machine, then the pane's origin, then office.js.
  await context.route(/^https?:\/\/(?!addin\.test\/)/, (route) => route.abort('blockedbyclient'));
  await context.route(`${TEST_ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    const response = await route.fetch({ url: `${options.serverUrl}${url.pathname}${url.search}` });
    await route.fulfill({ response });
  });
  // Registered last, so it wins for office.js wherever the page loads it from (CDN or /office-js/).
  await context.route('**/office.js', (route) =>
    route.fulfill({ contentType: 'application/javascript', body: fake }),
  );
  // tsx compiles this test with esbuild's keepNames, which wraps functions inside page.evaluate
  // callbacks in __name(fn, "name"); the page has no such helper, so give it an identity one.
  await context.addInitScript({
    content: 'globalThis.__name = globalThis.__name || ((target) => target);',
  });
  await context.addInitScript((office) => {
    (globalThis as { __fakeOfficeOptions?: unknown }).__fakeOfficeOptions = office;
  }, options.office ?? {});
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('console', (message) =>
    options.log?.push(`console.${message.type()}: ${message.text()}`),
  );
  page.on('pageerror', (error) => options.log?.push(`pageerror: ${error.message}`));
  await page.goto(`${TEST_ORIGIN}/addin/taskpane.html`);
  return { context, page };
}
