// Text normalisation for bank statement lines. Remarks (附言) are free Chinese text typed on a
// phone or a bank counter, so the same order number arrives as "SO-20261127-0001",
// "ＳＯ－２０２６１１２７－０００１" or "so20261127—0001". We fold full-width forms to
// half-width, upper-case, and pull out the [A-Z0-9-] runs that could be a reference:
// tokens of four or more characters, full-width and half-width alike.

const FULL_WIDTH_FIRST = 0xff01;
const FULL_WIDTH_LAST = 0xff5e;
const FULL_TO_HALF_OFFSET = 0xff01 - 0x21;
const IDEOGRAPHIC_SPACE = 0x3000;
/** Dashes typed instead of '-': U+2010–2015 (hyphens, en/em dashes), U+2212 (minus). */
const DASH_LIKE = /[\u2010-\u2015\u2212]/g;
const REFERENCE_RUN = /[A-Z0-9-]+/g;

const MIN_TOKEN_LENGTH = 4;

/** Full-width → half-width (U+FF01–FF5E → U+0021–007E, U+3000 → space), dashes → '-', upper-case. */
export function normalizeText(text: string): string {
  let folded = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= FULL_WIDTH_FIRST && code <= FULL_WIDTH_LAST) {
      folded += String.fromCodePoint(code - FULL_TO_HALF_OFFSET);
    } else if (code === IDEOGRAPHIC_SPACE) {
      folded += ' ';
    } else {
      folded += char;
    }
  }
  return folded.replace(DASH_LIKE, '-').toUpperCase();
}

/** Normalised text with every space removed: for names ("华联 商贸" = "华联商贸"). */
export function compactText(text: string): string {
  return normalizeText(text).replace(/\s+/g, '');
}

/**
 * The comparable form of a reference, code or account: normalised, letters and digits only.
 * "SO-20261127-0001", "so 20261127 0001" and "SO202611270001" all give "SO202611270001".
 */
export function compactReference(text: string): string {
  return normalizeText(text).replace(/[^A-Z0-9]/g, '');
}

/**
 * Candidate reference tokens in a remark or bank reference: runs of [A-Z0-9-] after
 * normalisation, trimmed of dashes, at least MIN_TOKEN_LENGTH long; unique, in order of
 * appearance. "付SO-20261127-0001货款" → ["SO-20261127-0001"].
 */
export function extractReferenceTokens(text: string): string[] {
  const tokens = new Set<string>();
  for (const match of normalizeText(text).matchAll(REFERENCE_RUN)) {
    const token = match[0].replace(/^-+|-+$/g, '');
    if (token.length >= MIN_TOKEN_LENGTH) tokens.add(token);
  }
  return [...tokens];
}
