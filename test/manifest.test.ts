// The add-in manifest, checked offline: office-addin-manifest's `validate` needs Microsoft's online
// service, so the schema rules that matter here are asserted directly,
// and `office-addin-manifest info` must read the file.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { OfficeAddinManifest } from 'office-addin-manifest';
import { optionsFromEnv, rewriteManifest } from '../scripts/build-addin';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifestPath = path.join(root, 'manifest.xml');

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const decode = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/**
 * A small, strict XML reader: enough to prove the manifest well-formed (one root, every tag
 * closed in order, attributes quoted, no stray '<' or '&') and to walk its elements.
 */
export function parseXml(xml: string): XmlElement {
  const body = xml.replace(/^\uFEFF?<\?xml[^?]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '');
  const token =
    /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|([^<]+)/gy;
  const stack: XmlElement[] = [{ name: '#document', attributes: {}, children: [], text: '' }];
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = token.exec(body)) !== null) {
    consumed = token.lastIndex;
    const [, closing, name, attrs, selfClosing, text] = match;
    const top = stack.at(-1)!;
    if (text !== undefined) {
      if (/&(?!(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(text))
        throw new Error(`bare '&' in text: ${text.trim()}`);
      if (stack.length === 1 && text.trim() !== '')
        throw new Error('text outside the root element');
      top.text += decode(text);
    } else if (closing) {
      if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
      stack.pop();
    } else {
      const attributes: Record<string, string> = {};
      for (const a of attrs!.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        if (a[1]! in attributes) throw new Error(`duplicate attribute ${a[1]} on <${name}>`);
        attributes[a[1]!] = decode(a[2] ?? a[3] ?? '');
      }
      const element: XmlElement = { name: name!, attributes, children: [], text: '' };
      top.children.push(element);
      if (!selfClosing) stack.push(element);
    }
  }
  if (consumed !== body.length)
    throw new Error(`malformed XML near: ${body.slice(consumed, consumed + 40)}`);
  if (stack.length !== 1) throw new Error(`<${stack.at(-1)!.name}> is never closed`);
  const roots = stack[0]!.children;
  if (roots.length !== 1) throw new Error(`expected one root element, found ${roots.length}`);
  return roots[0]!;
}

function* walk(element: XmlElement): Generator<XmlElement> {
  yield element;
  for (const child of element.children) yield* walk(child);
}

const child = (element: XmlElement, name: string) => element.children.find((c) => c.name === name);

/** OfficeApp's children in the order the schema (appforoffice 1.1, TaskPaneApp) requires. */
const OFFICE_APP_ORDER =
  'Id AlternateId Version ProviderName DefaultLocale DisplayName Description IconUrl HighResolutionIconUrl SupportUrl AppDomains Hosts Requirements DefaultSettings Permissions AllowSnapshot VersionOverrides ExtendedOverrides'.split(
    ' ',
  );
const REQUIRED =
  'Id Version ProviderName DefaultLocale DisplayName Description IconUrl HighResolutionIconUrl SupportUrl AppDomains Hosts Requirements DefaultSettings Permissions VersionOverrides'.split(
    ' ',
  );

describe('manifest.xml', () => {
  const xml = fs.readFileSync(manifestPath, 'utf8');
  const app = parseXml(xml);

  it('is a TaskPaneApp for the Workbook host', () => {
    assert.equal(app.name, 'OfficeApp');
    assert.equal(app.attributes['xsi:type'], 'TaskPaneApp');
    assert.deepEqual(
      child(app, 'Hosts')?.children.map((h) => h.attributes.Name),
      ['Workbook'],
    );
    assert.equal(child(app, 'Permissions')?.text, 'ReadWriteDocument');
    assert.equal(child(app, 'DisplayName')?.attributes.DefaultValue, 'Sales Sync 销管同步');
  });

  it('has a GUID id and a four-part version', () => {
    assert.match(
      child(app, 'Id')?.text ?? '',
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    );
    assert.match(child(app, 'Version')?.text ?? '', /^\d+\.\d+\.\d+\.\d+$/);
  });

  it('lists the OfficeApp children in schema order, each required one present', () => {
    const names = app.children.map((c) => c.name);
    for (const name of REQUIRED) assert.ok(names.includes(name), `missing <${name}>`);
    const positions = names.map((n) => OFFICE_APP_ORDER.indexOf(n));
    assert.ok(!positions.includes(-1), `unknown child in ${names.join(', ')}`);
    assert.deepEqual(
      positions,
      [...positions].sort((a, b) => a - b),
      `order: ${names.join(', ')}`,
    );
  });

  it('uses https for every URL', () => {
    const urls = [...walk(app)]
      .flatMap((e) => [
        e.text.trim(),
        ...Object.entries(e.attributes)
          .filter(([k]) => !k.startsWith('xmlns'))
          .map(([, v]) => v),
      ])
      .filter((v) => /^[a-z]+:\/\//i.test(v));
    assert.ok(urls.length >= 10, `found only ${urls.length} URLs`);
    for (const url of urls) assert.match(url, /^https:\/\//, url);
  });

  it('requires ExcelApi 1.8 at least', () => {
    const sets = child(child(app, 'Requirements')!, 'Sets')!;
    assert.equal(sets.attributes.DefaultMinVersion, '1.8');
    const excelApi = sets.children.find((s) => s.attributes.Name === 'ExcelApi');
    assert.equal(excelApi?.attributes.MinVersion, '1.8');
  });

  it('resolves every resid to exactly one resource', () => {
    const overrides = child(app, 'VersionOverrides')!;
    const resources = child(overrides, 'Resources')!;
    const ids = [...walk(resources)]
      .map((e) => e.attributes.id)
      .filter((id): id is string => id !== undefined);
    assert.equal(new Set(ids).size, ids.length, `duplicate resource ids: ${ids.join(', ')}`);
    const referenced = [...walk(overrides)]
      .map((e) => e.attributes.resid)
      .filter((id): id is string => id !== undefined);
    assert.ok(referenced.length > 5);
    for (const resid of referenced)
      assert.ok(ids.includes(resid), `resid ${resid} has no resource`);
    for (const resid of referenced)
      assert.ok(resid.length <= 32, `resid ${resid} is over 32 characters`);
  });

  it('puts a ShowTaskpane button on the Home tab, with 16/32/80 px icons and zh-CN strings', () => {
    const overrides = child(app, 'VersionOverrides')!;
    assert.equal(overrides.attributes['xsi:type'], 'VersionOverridesV1_0');
    const form = [...walk(overrides)].find((e) => e.name === 'DesktopFormFactor')!;
    assert.deepEqual(
      form.children.map((c) => c.name),
      ['GetStarted', 'FunctionFile', 'ExtensionPoint'],
    );
    const tab = [...walk(form)].find((e) => e.name === 'OfficeTab');
    assert.equal(tab?.attributes.id, 'TabHome');
    const button = [...walk(tab)].find((e) => e.name === 'Control')!;
    assert.deepEqual(
      button.children.map((c) => c.name),
      ['Label', 'Supertip', 'Icon', 'Action'],
    );
    assert.equal(child(button, 'Action')?.attributes['xsi:type'], 'ShowTaskpane');
    assert.deepEqual(
      child(button, 'Icon')?.children.map((i) => i.attributes.size),
      ['16', '32', '80'],
    );
    const strings = [...walk(overrides)].filter((e) => e.name === 'bt:String');
    for (const s of strings)
      assert.ok(
        s.children.some((o) => o.name === 'bt:Override' && o.attributes.Locale === 'zh-CN'),
        `${s.attributes.id} lacks zh-CN`,
      );
  });

  it('points its icons at files the build ships', () => {
    const icons = [...walk(app)]
      .map((e) => e.attributes.DefaultValue ?? '')
      .filter((v) => v.endsWith('.png'));
    for (const url of icons)
      assert.ok(fs.existsSync(path.join(root, 'addin', 'assets', path.basename(url))), url);
  });

  it('is rewritten for a deployment host, AppDomain as an origin', () => {
    const rewritten = rewriteManifest(xml, 'https://sales.example.cn/sync');
    assert.ok(!rewritten.includes('localhost'));
    assert.match(rewritten, /<AppDomain>https:\/\/sales\.example\.cn<\/AppDomain>/);
    assert.match(
      rewritten,
      /<SourceLocation DefaultValue="https:\/\/sales\.example\.cn\/sync\/addin\/taskpane\.html"/,
    );
    parseXml(rewritten);
  });

  it('is built for the port the server listens on unless a public URL is given', () => {
    assert.equal(optionsFromEnv({}).publicUrl, 'https://localhost:3000');
    assert.equal(optionsFromEnv({ PORT: '3443' }).publicUrl, 'https://localhost:3443');
    const both = { PORT: '3443', SALES_SYNC_PUBLIC_URL: 'https://sales.example.cn' };
    assert.equal(optionsFromEnv(both).publicUrl, 'https://sales.example.cn');
  });

  it('offers the scripts of the Office add-in template, validate running the offline checks', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    assert.match(pkg.scripts.validate ?? '', /test\/manifest\.test\.ts/);
    assert.match(pkg.scripts.validate ?? '', /office-addin-manifest info/);
    assert.match(
      pkg.scripts['start:desktop'] ?? '',
      /office-addin-debugging start dist\/manifest\.xml/,
    );
    assert.match(pkg.scripts.stop ?? '', /office-addin-debugging stop dist\/manifest\.xml/);
    assert.match(pkg.scripts['test:e2e'] ?? '', /test\/e2e/);
    for (const name of ['office-addin-dev-certs', 'office-addin-debugging', 'axe-core'])
      assert.ok(pkg.devDependencies[name], name);
  });

  it('reads with office-addin-manifest, as a library and as a command', async () => {
    const info = await OfficeAddinManifest.readManifestFile(manifestPath);
    assert.equal(info.displayName, 'Sales Sync 销管同步');
    assert.deepEqual(info.hosts, ['Workbook']);
    const cli = path.join(root, 'node_modules', 'office-addin-manifest', 'cli.js');
    const { stdout } = await promisify(execFile)(process.execPath, [cli, 'info', manifestPath], {
      timeout: 60_000,
    });
    assert.match(stdout, /Sales Sync 销管同步/);
  }).timeout(60_000);

  it('rejects malformed XML', () => {
    assert.throws(() => parseXml('<a><b></a></b>'), /closes/);
    assert.throws(() => parseXml('<a x="1" x="2"/>'), /duplicate/);
    assert.throws(() => parseXml('<a>&</a>'), /bare/);
    assert.throws(() => parseXml('<a>'), /never closed/);
    assert.throws(() => parseXml('<a/><b/>'), /one root/);
  });
});
