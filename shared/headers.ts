// Maps a user's own column titles onto dataset fields through labels and synonyms: Chinese and
// English titles, full-width characters, spaces, case and decorations such as "(元)" or "*".
import { toHalfWidth } from './money';
import type { FieldDescription } from './meta';

export function normalizeHeader(text: string): string {
  return toHalfWidth(text)
    .toLowerCase()
    .replace(/[（(][^）)]*[）)]/g, (inner) => (/元|rmb|yuan|天|days/i.test(inner) ? '' : inner))
    .replace(/[\s*:：_\-.()（）【】[\]]/g, '');
}

export interface HeaderMapping {
  /** For each sheet column, the field it holds, or null when none. */
  columns: (string | null)[];
  /** Required push fields no column maps to. */
  missing: string[];
  /** Columns whose title matched more than one field's synonyms (the first field wins). */
  ambiguous: number[];
}

function namesOf(field: FieldDescription): string[] {
  return [field.name, field.label['zh-CN'], field.label['en-US'], ...field.synonyms].map(
    normalizeHeader,
  );
}

export function mapHeaders(
  headers: readonly string[],
  fields: readonly FieldDescription[],
): HeaderMapping {
  const byName = new Map<string, string[]>();
  for (const field of fields) {
    for (const name of namesOf(field)) {
      const list = byName.get(name) ?? [];
      if (!list.includes(field.name)) list.push(field.name);
      byName.set(name, list);
    }
  }
  const taken = new Set<string>();
  const ambiguous: number[] = [];
  const columns = headers.map((header, index) => {
    if (header.startsWith('_')) return null;
    const candidates = (byName.get(normalizeHeader(header)) ?? []).filter((f) => !taken.has(f));
    const chosen = candidates[0] ?? null;
    if (candidates.length > 1) ambiguous.push(index);
    if (chosen) taken.add(chosen);
    return chosen;
  });
  const missing = fields
    .filter((f) => f.required && !f.readOnly && !taken.has(f.name))
    .map((f) => f.name);
  return { columns, missing, ambiguous };
}
