// The first sheet of an export as an Excel table (ECMA-376 Part 1, 18.5 "Tables"): a table part
// with its autofilter over the data, linked from the sheet (tableParts) and declared in the
// content types, and a bold header row (a bold font and a cell format in styles.xml). SheetJS
// Community Edition writes neither tables nor cell styles, so the parts are added to the zip it
// wrote; SheetJS and Excel both read the result.
import * as XLSX from 'xlsx';

interface CfbEntry {
  content: Uint8Array;
  size: number;
}
interface CfbModule {
  read: (data: Buffer, options: { type: 'buffer' }) => unknown;
  find: (container: unknown, path: string) => CfbEntry | null;
  write: (
    container: unknown,
    options: { fileType: 'zip'; type: 'buffer'; compression: true },
  ) => Buffer;
  utils: { cfb_add: (container: unknown, path: string, content: Buffer) => void };
}

export interface TableSpec {
  /** A table name Excel accepts: a letter or "_" first, then letters, digits, "_" or ".". */
  readonly name: string;
  /** Header titles, left to right (unique, as the header row holds them). */
  readonly columns: readonly string[];
  /** Data rows under the header. */
  readonly rows: number;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const TABLE_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml';
const TABLE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table';
const BOLD_FONT =
  '<font><b/><sz val="12"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>';

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function tableXml(spec: TableSpec): string {
  // A table holds at least one body row; an empty export gets one empty row.
  const last = XLSX.utils.encode_cell({ r: Math.max(1, spec.rows), c: spec.columns.length - 1 });
  const ref = `A1:${last}`;
  const columns = spec.columns
    .map((name, i) => `<tableColumn id="${i + 1}" name="${escapeXml(name)}"/>`)
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<table xmlns="${MAIN}" id="1" name="${spec.name}" displayName="${spec.name}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${spec.columns.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

/** Adds a bold font and a cell format using it; answers the format's index. */
function addBoldFormat(styles: string): { xml: string; xf: number } {
  const fonts = Number(/<fonts count="(\d+)"/.exec(styles)?.[1] ?? '1');
  const xfs = Number(/<cellXfs count="(\d+)"/.exec(styles)?.[1] ?? '1');
  const xml = styles
    .replace(/<fonts count="\d+">/, `<fonts count="${fonts + 1}">`)
    .replace('</fonts>', `${BOLD_FONT}</fonts>`)
    .replace(/<cellXfs count="\d+">/, `<cellXfs count="${xfs + 1}">`)
    .replace(
      '</cellXfs>',
      `<xf numFmtId="0" fontId="${fonts}" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>`,
    );
  return { xml, xf: xfs };
}

/** The header row's cells take format `xf`; the sheet links its table part. */
function linkSheet(sheet: string, xf: number, relId: string): string {
  const header = sheet.replace(/<row r="1"[^>]*>[\s\S]*?<\/row>/, (row) =>
    row.replace(/<c r="([A-Z]+1)"(?: s="\d+")?/g, `<c r="$1" s="${xf}"`),
  );
  return header.replace(
    '</worksheet>',
    `<tableParts count="1"><tablePart r:id="${relId}"/></tableParts></worksheet>`,
  );
}

function relsWith(rels: string | null, relId: string): string {
  const rel = `<Relationship Id="${relId}" Type="${TABLE_REL}" Target="../tables/table1.xml"/>`;
  if (rels) return rels.replace('</Relationships>', `${rel}</Relationships>`);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel}</Relationships>`
  );
}

const textOf = (entry: CfbEntry | null) =>
  entry ? Buffer.from(entry.content).toString('utf8') : null;

function put(cfb: CfbModule, zip: unknown, path: string, xml: string): void {
  const entry = cfb.find(zip, path);
  const content = Buffer.from(xml, 'utf8');
  if (!entry) {
    cfb.utils.cfb_add(zip, path, content);
    return;
  }
  entry.content = content;
  entry.size = content.length;
}

/** The workbook's first sheet made a table with a bold header. */
export function withTable(book: Buffer, spec: TableSpec): Buffer {
  const cfb = XLSX.CFB as CfbModule;
  const zip = cfb.read(book, { type: 'buffer' });
  const sheet = textOf(cfb.find(zip, '/xl/worksheets/sheet1.xml'));
  const styles = textOf(cfb.find(zip, '/xl/styles.xml'));
  const types = textOf(cfb.find(zip, '/[Content_Types].xml'));
  if (sheet === null || styles === null || types === null || spec.columns.length === 0) return book;
  const relId = 'rIdTable1';
  const bold = addBoldFormat(styles);
  put(cfb, zip, '/xl/styles.xml', bold.xml);
  put(cfb, zip, '/xl/worksheets/sheet1.xml', linkSheet(sheet, bold.xf, relId));
  const rels = textOf(cfb.find(zip, '/xl/worksheets/_rels/sheet1.xml.rels'));
  put(cfb, zip, '/xl/worksheets/_rels/sheet1.xml.rels', relsWith(rels, relId));
  put(cfb, zip, '/xl/tables/table1.xml', tableXml(spec));
  const override = `<Override PartName="/xl/tables/table1.xml" ContentType="${TABLE_TYPE}"/>`;
  put(cfb, zip, '/[Content_Types].xml', types.replace('</Types>', `${override}</Types>`));
  return cfb.write(zip, { fileType: 'zip', type: 'buffer', compression: true });
}
