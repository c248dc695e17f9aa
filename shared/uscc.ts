// 统一社会信用代码 (Unified Social Credit Code), GB 32100-2015: 18 characters; the last is a
// check character computed mod 31 over the first 17 with fixed weights.

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The check character for the first 17 characters, or null when they use a forbidden character. */
export function usccCheckCharacter(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17.charAt(i));
    const weight = WEIGHTS[i];
    if (value < 0 || weight === undefined) return null;
    sum += value * weight;
  }
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}

export function isValidUscc(code: string): boolean {
  const upper = code.toUpperCase();
  if (!SHAPE.test(upper)) return false;
  return usccCheckCharacter(upper.slice(0, 17)) === upper.charAt(17);
}
