// Defaults for blank cells, declared on the fields (FieldMeta.default): the server fills them in
// before it validates a row and says which it took; the add-in's Validate assumes the same, so a
// sheet without an 订单类型 or 单价 column validates and pushes. See docs/adding-a-dataset.md,
// "Defaults".
import type { FieldDescription } from './meta';

export type DefaultValue = string | number | boolean;

/** A master record's attribute, by list (dataset), code and attribute name. */
type AttributeLookup = (list: string, code: string, attribute: string) => DefaultValue | undefined;

export interface AppliedDefault {
  field: string;
  value: DefaultValue;
  /** Where the value came from: the declaration, or a master record's attribute. */
  source: 'fixed' | 'record';
}

export const isBlank = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** The master records a row's defaults would read: [list, code] pairs. */
export function defaultSources(
  fields: readonly FieldDescription[],
  values: Readonly<Record<string, unknown>>,
): [string, string][] {
  const pairs: [string, string][] = [];
  for (const field of fields) {
    const from = field.default && 'from' in field.default ? field.default.from : undefined;
    const code = from ? values[from.by] : undefined;
    if (from && isBlank(values[field.name]) && typeof code === 'string')
      pairs.push([from.list, code]);
  }
  return pairs;
}

/**
 * The row with its blank defaulted fields filled in, and what was taken. A default from a record
 * that cannot be found (an unknown SKU) is left blank: the row then fails for its real reason.
 */
export function applyDefaults(
  fields: readonly FieldDescription[],
  values: Readonly<Record<string, unknown>>,
  lookup: AttributeLookup,
): { values: Record<string, unknown>; applied: AppliedDefault[] } {
  const filled: Record<string, unknown> = { ...values };
  const applied: AppliedDefault[] = [];
  for (const field of fields) {
    const rule = field.default;
    if (!rule || field.readOnly || !isBlank(values[field.name])) continue;
    if ('value' in rule) {
      filled[field.name] = rule.value;
      applied.push({ field: field.name, value: rule.value, source: 'fixed' });
      continue;
    }
    const code = values[rule.from.by];
    const value =
      typeof code === 'string'
        ? lookup(rule.from.list, code.trim(), rule.from.attribute)
        : undefined;
    if (value === undefined) continue;
    filled[field.name] = value;
    applied.push({ field: field.name, value, source: 'record' });
  }
  return { values: filled, applied };
}
