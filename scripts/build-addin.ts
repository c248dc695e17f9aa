// `npm run build`: bundles the task pane (addin/main.tsx) into dist/addin/ with its page and
// icons, writes dist/manifest.xml for the deployment's host, and bundles the fake Office host
// into dist/test/fake-office.js for the end-to-end test (kept out of dist/addin/ so a production
// deployment never serves it).
//
// Environment:
//   SALES_SYNC_PUBLIC_URL  https origin the add-in is served from (default https://localhost:$PORT,
//                          port 3000 unless PORT is set)
//   SALES_SYNC_OFFICE_JS   "local" loads office.js from the server's /office-js/ (offline use);
//                          otherwise from Microsoft's CDN, as Office requires for store add-ins.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const DEFAULT_PUBLIC_URL = 'https://localhost:3000';
const CDN_OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const LOCAL_OFFICE_JS = '/office-js/office.js';
/** The manifest's development host, replaced by the public URL. */
const MANIFEST_HOST = 'https://localhost:3000';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface BuildOptions {
  /** Where dist/ goes (default: the repository's dist/). */
  outDir?: string;
  publicUrl?: string;
  officeJs?: 'cdn' | 'local';
  /** Also bundle the fake Office host into <outDir>/test/fake-office.js (default true). */
  withFake?: boolean;
}

export interface BuildResult {
  addinDir: string;
  manifestPath: string;
  fakeOfficePath: string | null;
}

/** The public URL as an https origin without a trailing slash; anything else is refused. */
function normalizePublicUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SALES_SYNC_PUBLIC_URL is not a URL: ${raw}`);
  }
  if (url.protocol !== 'https:')
    throw new Error(
      `SALES_SYNC_PUBLIC_URL must be https (Office loads add-ins only over https): ${raw}`,
    );
  return url.origin + url.pathname.replace(/\/+$/, '');
}

/** Replaces the development host in every URL of the manifest with the deployment's. */
export function rewriteManifest(xml: string, publicUrl: string): string {
  // An AppDomain is an origin; the public URL may carry a path (a reverse proxy's prefix).
  const origin = new URL(publicUrl).origin;
  return xml
    .split(`<AppDomain>${MANIFEST_HOST}</AppDomain>`)
    .join(`<AppDomain>${origin}</AppDomain>`)
    .split(MANIFEST_HOST)
    .join(publicUrl);
}

function renderTaskpaneHtml(template: string, officeJs: 'cdn' | 'local'): string {
  const src = `<script src="${officeJs === 'local' ? LOCAL_OFFICE_JS : CDN_OFFICE_JS}"></script>`;
  const html = template.replace('<script src="%OFFICE_JS%"></script>', src);
  if (html === template)
    throw new Error('the page has no <script src="%OFFICE_JS%"></script> to fill');
  return html;
}

/** The ribbon's FunctionFile: the button only opens the pane, so this page just starts Office. */
const COMMANDS_HTML = `<!doctype html>
<html><head><meta charset="utf-8" /><title>Sales Sync commands</title><script src="%OFFICE_JS%"></script></head>
<body><script>Office.onReady(function () {});</script></body></html>
`;

async function bundleTaskpane(addinDir: string): Promise<void> {
  await esbuild.build({
    entryPoints: [path.join(root, 'addin', 'main.tsx')],
    outfile: path.join(addinDir, 'taskpane.js'),
    bundle: true,
    minify: true,
    sourcemap: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome100', 'edge100', 'safari15', 'firefox100'],
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'linked',
    logLevel: 'warning',
  });
}

/**
 * The fake host, installed on load before the task pane's bundle runs, as office.js would be.
 * The page may set `__fakeOfficeOptions` first; tests reach the workbook as `__fakeWorkbook`.
 */
async function bundleFakeOffice(outFile: string): Promise<void> {
  await esbuild.build({
    stdin: {
      contents: [
        "import { installFakeOffice } from './test/fakes/fake-excel';",
        'const g = globalThis as { __fakeOfficeOptions?: object; __fakeWorkbook?: unknown };',
        'g.__fakeWorkbook = installFakeOffice(globalThis, g.__fakeOfficeOptions ?? {});',
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
      sourcefile: 'fake-office-entry.ts',
    },
    outfile: outFile,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome100'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}

function copyAssets(addinDir: string): void {
  const from = path.join(root, 'addin', 'assets');
  const to = path.join(addinDir, 'assets');
  fs.mkdirSync(to, { recursive: true });
  for (const name of fs.readdirSync(from)) {
    if (name.endsWith('.png')) fs.copyFileSync(path.join(from, name), path.join(to, name));
  }
}

export async function buildAddin(options: BuildOptions = {}): Promise<BuildResult> {
  const outDir = options.outDir ?? path.join(root, 'dist');
  const publicUrl = normalizePublicUrl(options.publicUrl ?? DEFAULT_PUBLIC_URL);
  const officeJs = options.officeJs ?? 'cdn';
  const addinDir = path.join(outDir, 'addin');
  fs.rmSync(addinDir, { recursive: true, force: true });
  fs.mkdirSync(addinDir, { recursive: true });
  await bundleTaskpane(addinDir);
  const template = fs.readFileSync(path.join(root, 'addin', 'taskpane.html'), 'utf8');
  fs.writeFileSync(path.join(addinDir, 'taskpane.html'), renderTaskpaneHtml(template, officeJs));
  fs.writeFileSync(
    path.join(addinDir, 'commands.html'),
    renderTaskpaneHtml(COMMANDS_HTML, officeJs),
  );
  copyAssets(addinDir);
  const manifestPath = path.join(outDir, 'manifest.xml');
  fs.writeFileSync(
    manifestPath,
    rewriteManifest(fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8'), publicUrl),
  );
  let fakeOfficePath: string | null = null;
  if (options.withFake ?? true) {
    fakeOfficePath = path.join(outDir, 'test', 'fake-office.js');
    await bundleFakeOffice(fakeOfficePath);
  }
  return { addinDir, manifestPath, fakeOfficePath };
}

/** Options from the environment, validated: a bad value stops the build with a sentence. */
export function optionsFromEnv(env: Record<string, string | undefined>): BuildOptions {
  const officeJs = env.SALES_SYNC_OFFICE_JS;
  if (officeJs !== undefined && officeJs !== '' && officeJs !== 'local' && officeJs !== 'cdn') {
    throw new Error(`SALES_SYNC_OFFICE_JS must be "local" or "cdn", not "${officeJs}"`);
  }
  // Without a public URL the manifest points at this machine, on the port the server will use.
  const port = env.PORT?.trim();
  return {
    publicUrl:
      env.SALES_SYNC_PUBLIC_URL || (port ? `https://localhost:${port}` : DEFAULT_PUBLIC_URL),
    officeJs: officeJs === 'local' ? 'local' : 'cdn',
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  buildAddin(optionsFromEnv(process.env))
    .then((result) => {
      console.log(
        `built ${path.relative(root, result.addinDir)} and ${path.relative(root, result.manifestPath)} in ${Date.now() - started} ms`,
      );
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    });
}
