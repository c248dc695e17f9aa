// The shipment lines a dealer can still return, as the add-in keeps them in the hidden
// `_returnable` sheet (docs/returns.md, "In Excel"), pure: the helper sheet's rows from the
// `returnable-lines` pull, read back from the sheet, and what Validate does with them offline —
// the dealer filled in from the chosen shipment when blank, and a quantity above what can still
// be returned flagged with the server's own code (`return-over-shipped`, same figures).
import type { Locale } from '../../shared/locale';
import { fenToYuan } from '../../shared/money';
import type { PullRow } from '../../shared/protocol';
import type { CellValue } from '../excel/port';
import type { CheckedRow } from './validate-rows';

export const RETURNABLE_SHEET = '_returnable';

/** The helper sheet's columns, left to right; the first is the dropdown's source. */
const HEADERS: Record<Locale, readonly string[]> = {
  'zh-CN': [
    '发货单号',
    '说明',
    '经销商编码',
    'SKU编码',
    '发货日期',
    '已发',
    '已退',
    '可退',
    '发货单价',
  ],
  'en-US': [
    'Shipment',
    'Details',
    'Dealer code',
    'SKU',
    'Shipped on',
    'Shipped',
    'Returned',
    'Returnable',
    'Shipped price',
  ],
};
/** The row's SKU and shipped-price columns, by header, when the sheet has them. */
export function extraHeaders(locale: Locale): { sku: string; price: string } {
  return { sku: HEADERS[locale][3] ?? '', price: HEADERS[locale][8] ?? '' };
}
/** Shipment, details, dealer, SKU and date are text; the figures are numbers. */
export const RETURNABLE_TEXT_COLUMNS: readonly number[] = [0, 1, 2, 3, 4];

export interface ReturnableLine {
  readonly shipmentId: string;
  readonly dealerCode: string;
  readonly skuCode: string;
  readonly date: string;
  readonly shipped: number;
  readonly returned: number;
  readonly returnable: number;
  /** Yuan, as the sheet shows money. */
  readonly unitPrice: number;
}

const str = (v: unknown) =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
const num = (v: unknown) => (typeof v === 'number' ? v : Number(v) || 0);

/** What a dropdown entry's neighbour says: "SH-20261120-0003 · TEE-BLK-M · 可退 3". */
function detailsOf(line: ReturnableLine, locale: Locale): string {
  const left = locale === 'zh-CN' ? `可退 ${line.returnable}` : `returnable ${line.returnable}`;
  return `${line.shipmentId} · ${line.skuCode} · ${left}`;
}

export function linesOfPull(rows: readonly PullRow[]): ReturnableLine[] {
  const lines = rows
    .filter((row) => row.op === 'upsert')
    .map(({ values: v }) => ({
      shipmentId: str(v.shipmentId),
      dealerCode: str(v.dealerCode),
      skuCode: str(v.skuCode),
      date: str(v.date),
      shipped: num(v.shipped),
      returned: num(v.returned),
      returnable: num(v.returnable),
      unitPrice: fenToYuan(num(v.unitPrice)),
    }));
  // Lines that can still be returned first (the dropdown lists exactly those), then the rest,
  // which Validate still needs to say "0 can be returned".
  return lines.sort(
    (a, b) =>
      Number(b.returnable > 0) - Number(a.returnable > 0) ||
      a.dealerCode.localeCompare(b.dealerCode) ||
      a.shipmentId.localeCompare(b.shipmentId),
  );
}

export function helperSheetOf(
  lines: readonly ReturnableLine[],
  locale: Locale,
): { headers: readonly string[]; rows: CellValue[][]; listRows: number } {
  const rows = lines.map((l) => [
    l.shipmentId,
    detailsOf(l, locale),
    l.dealerCode,
    l.skuCode,
    l.date,
    l.shipped,
    l.returned,
    l.returnable,
    l.unitPrice,
  ]);
  return {
    headers: HEADERS[locale],
    rows,
    listRows: lines.filter((l) => l.returnable > 0).length,
  };
}

/** The helper sheet's body read back (columns as helperSheetOf writes them), by shipment. */
export function linesOfSheet(rows: readonly (readonly CellValue[])[]): Map<string, ReturnableLine> {
  const lines = new Map<string, ReturnableLine>();
  for (const r of rows) {
    const shipmentId = str(r[0]);
    if (shipmentId === '') continue;
    lines.set(shipmentId, {
      shipmentId,
      dealerCode: str(r[2]),
      skuCode: str(r[3]),
      date: str(r[4]),
      shipped: num(r[5]),
      returned: num(r[6]),
      returnable: num(r[7]),
      unitPrice: num(r[8]),
    });
  }
  return lines;
}

interface ReturnFinding {
  readonly row: number;
  readonly field: 'quantity' | 'dealerCode';
  readonly code: 'return-over-shipped' | 'return-dealer-mismatch';
  readonly params: Record<string, string | number>;
}

/**
 * The server's cap, offline (server/returns/check.ts): each row still to be pushed may return at
 * most returnable − what earlier unpushed rows of the sheet take of the same shipment; a pushed,
 * unchanged row is already in the helper's "returned". A row that passes takes its quantity.
 */
export function returnFindings(
  rows: readonly CheckedRow[],
  lines: ReadonlyMap<string, ReturnableLine>,
  pending: (row: CheckedRow) => boolean,
): ReturnFinding[] {
  const taken = new Map<string, number>();
  const found: ReturnFinding[] = [];
  for (const row of rows) {
    if (!row.valid || !pending(row)) continue;
    const { shipmentId, dealerCode, quantity, direction } = row.parsed.values;
    // An exchange's 换出 line issues goods: only its 退回 lines return a shipment.
    if (direction !== undefined && direction !== 'return') continue;
    const line = typeof shipmentId === 'string' ? lines.get(shipmentId) : undefined;
    if (!line || typeof quantity !== 'number') continue;
    if (typeof dealerCode === 'string' && dealerCode !== line.dealerCode) {
      const params = { shipment: line.shipmentId, dealer: line.dealerCode };
      found.push({ row: row.row, field: 'dealerCode', code: 'return-dealer-mismatch', params });
      continue;
    }
    const returned = line.returned + (taken.get(line.shipmentId) ?? 0);
    const returnable = line.shipped - returned;
    if (quantity > returnable) {
      const params = { returnable, shipped: line.shipped, returned };
      found.push({ row: row.row, field: 'quantity', code: 'return-over-shipped', params });
      continue;
    }
    taken.set(line.shipmentId, (taken.get(line.shipmentId) ?? 0) + quantity);
  }
  return found;
}
