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

/**
 * A known title may sit inside the user's ("发货仓库", "业务员备注"): Chinese titles of two
 * characters or more, and Latin ones of five letters or more, so "qty" or "PO" inside a longer
 * word do not count.
 */
function isContainable(name: string): boolean {
  return /\p{Script=Han}/u.test(name) ? name.length >= 2 : name.length >= 5;
}

/** Fields whose longest known title the header contains, longest first (ties share a length). */
function containing(header: string, byName: ReadonlyMap<string, string[]>): string[][] {
  const byLength = new Map<number, string[]>();
  for (const [name, fieldNames] of byName) {
    if (name === header || !isContainable(name) || !header.includes(name)) continue;
    const list = byLength.get(name.length) ?? [];
    for (const f of fieldNames) if (!list.includes(f)) list.push(f);
    byLength.set(name.length, list);
  }
  return [...byLength].sort((a, b) => b[0] - a[0]).map(([, list]) => list);
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
  const choose = (index: number, candidates: readonly string[]) => {
    const open = candidates.filter((f) => !taken.has(f));
    const chosen = open[0] ?? null;
    if (open.length > 1) ambiguous.push(index);
    if (chosen) taken.add(chosen);
    return chosen;
  };
  const normalized = headers.map((h) => (h.startsWith('_') ? null : normalizeHeader(h)));
  // Equal titles first, so a title containing another field's name cannot take that field.
  const columns = normalized.map((h, index) => (h ? choose(index, byName.get(h) ?? []) : null));
  normalized.forEach((h, index) => {
    if (!h || columns[index] !== null) return;
    for (const group of containing(h, byName)) {
      const chosen = choose(index, group);
      if (chosen) {
        columns[index] = chosen;
        return;
      }
    }
  });
  const missing = fields
    .filter((f) => f.required && !f.readOnly && !taken.has(f.name))
    .map((f) => f.name);
  return { columns, missing, ambiguous };
}
