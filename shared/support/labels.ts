// Label and option helpers shared by the dealer-support rows (docs/dealer-support.md).
import type { FieldOption } from '../field';
import type { Label } from '../locale';

export const label = (zh: string, en: string): Label => ({ 'zh-CN': zh, 'en-US': en });

export const option = (
  value: string,
  [zh, en]: [string, string],
  synonyms?: string[],
): FieldOption => ({
  value,
  label: label(zh, en),
  ...(synonyms ? { synonyms } : {}),
});

/** Whole days from `from` to `to` ('YYYY-MM-DD'), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The date `days` after `date` ('YYYY-MM-DD'); negative goes back. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
