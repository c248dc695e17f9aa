// Money is an integer number of fen (分) below the UI. See docs/protocol.md, "Values on the wire".
// Sheets show yuan with two decimals; these are the only conversions between the two.

const YUAN_PATTERN = /^([+-])?(\d+)(?:\.(\d{1,2}))?$/;

/** Parses a yuan amount ("1,234.50", "¥12", "１２．３", 12.3) into fen; null when it is not money. */
export function yuanToFen(input: string | number): number | null {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return null;
    const fen = Math.round(input * 100);
    // Reject more than two decimals (12.345) rather than rounding the user's figure silently.
    if (Math.abs(fen - input * 100) > 1e-6 * Math.max(1, Math.abs(input))) return null;
    return Number.isSafeInteger(fen) ? fen : null;
  }
  const text = toHalfWidth(input)
    .replace(/[\s,¥￥]/g, '')
    .replace(/^RMB/i, '');
  const match = YUAN_PATTERN.exec(text);
  if (!match) return null;
  const [, sign, whole = '0', decimals = ''] = match;
  const fen = Number(whole) * 100 + Number(decimals.padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) return null;
  return sign === '-' ? -fen : fen;
}

/** Fen → yuan as a number with two decimals, for a spreadsheet cell formatted '#,##0.00'. */
export function fenToYuan(fen: number): number {
  return fen / 100;
}

/** Fen → "1,234.50" for messages. */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** Full-width ASCII (Ｕ+FF01–FF5E) and the ideographic space → half-width, as users type them in Chinese IMEs. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}
