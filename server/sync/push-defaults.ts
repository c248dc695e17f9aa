// Defaults for blank cells (FieldMeta.default), filled in before a push's rows are validated:
// fixed values from the declaration, and attributes of the master records the row names (a
// line's unit price from its product), read in one query per list. What was taken comes back as
// the row's notices, in the caller's language. See docs/adding-a-dataset.md, "Defaults".
import {
  applyDefaults,
  defaultSources,
  type AppliedDefault,
  type DefaultValue,
} from '../../shared/defaults';
import type { Locale } from '../../shared/locale';
import type { FieldDescription } from '../../shared/meta';
import { formatYuan } from '../../shared/money';
import type { Mutation } from '../../shared/protocol';
import type { RowProblem } from '../../shared/row-errors';
import { recordsById } from '../datasets/records-store';
import type { Db } from '../store/db';

interface Defaulted {
  /** The request's mutations with blank defaulted fields filled in (others as they came). */
  mutations: Mutation[];
  /** What each row took, by its index in the request, as notices. */
  notices: Map<number, RowProblem[]>;
}

async function loadAttributes(
  db: Db,
  wanted: Map<string, Set<string>>,
): Promise<Map<string, Map<string, Record<string, unknown>>>> {
  const loaded = new Map<string, Map<string, Record<string, unknown>>>();
  for (const [list, codes] of wanted) {
    const records = await recordsById(db, list, [...codes]);
    loaded.set(
      list,
      new Map([...records].filter(([, r]) => !r.deleted).map(([code, r]) => [code, r.values])),
    );
  }
  return loaded;
}

function shown(field: FieldDescription, value: DefaultValue, locale: Locale): string {
  if (field.kind === 'money' && typeof value === 'number')
    return `${formatYuan(value)}${locale === 'zh-CN' ? ' 元' : ''}`;
  const option = field.options?.find((o) => o.value === value);
  return option ? option.label[locale] : String(value);
}

function noticeOf(field: FieldDescription, taken: AppliedDefault, locale: Locale): RowProblem {
  const value = shown(field, taken.value, locale);
  const rule = field.default;
  if (!rule || !('from' in rule))
    return { field: field.name, code: 'default-taken', params: { value } };
  const attribute = rule.label[locale];
  return { field: field.name, code: 'default-from-record', params: { value, attribute } };
}

export async function fillDefaults(
  db: Db,
  input: { fields: readonly FieldDescription[]; mutations: readonly Mutation[]; locale: Locale },
): Promise<Defaulted> {
  const { fields, locale } = input;
  const notices = new Map<number, RowProblem[]>();
  if (!fields.some((f) => f.default)) return { mutations: [...input.mutations], notices };
  const wanted = new Map<string, Set<string>>();
  for (const m of input.mutations)
    if (m.op === 'upsert')
      for (const [list, code] of defaultSources(fields, m.values))
        wanted.set(list, (wanted.get(list) ?? new Set()).add(code.trim()));
  const records = await loadAttributes(db, wanted);
  const lookup = (list: string, code: string, attribute: string) => {
    const value = records.get(list)?.get(code)?.[attribute];
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
      ? value
      : undefined;
  };
  const byName = new Map(fields.map((f) => [f.name, f]));
  const mutations = input.mutations.map((m, index) => {
    if (m.op !== 'upsert') return m;
    const { values, applied } = applyDefaults(fields, m.values, lookup);
    if (applied.length === 0) return m;
    notices.set(
      index,
      applied.flatMap((taken) => {
        const field = byName.get(taken.field);
        return field ? [noticeOf(field, taken, locale)] : [];
      }),
    );
    return { ...m, values };
  });
  return { mutations, notices };
}
