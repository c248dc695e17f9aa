// Field builders: each returns a zod schema carrying its sheet metadata (kind, labels in both
// languages, header synonyms, options). The schemas are the single source of truth: validation,
// GET /meta, header mapping and templates are all derived from them.
import { z } from 'zod';
import type { Label } from './locale';
import { DATETIME_PATTERN } from './local-time';

type FieldKind = 'text' | 'code' | 'integer' | 'money' | 'date' | 'datetime' | 'enum' | 'boolean';

export interface FieldOption {
  value: string;
  label: Label;
  synonyms?: readonly string[];
}

/**
 * What a blank cell (or a sheet without the column) stands for: a fixed value (order type 常规),
 * or an attribute of the master record another field of the row names (a line's unit price is
 * the product's dealer price). The server fills it in and says so in the row's result; the
 * add-in's Validate assumes the same. See docs/adding-a-dataset.md, "Defaults".
 */
type FieldDefault =
  | { readonly value: string | number | boolean }
  | {
      readonly from: { readonly list: string; readonly by: string; readonly attribute: string };
      /** What the attribute is called ("经销价"), for the sentence that says it was taken. */
      readonly label: Label;
    };

export interface FieldMeta {
  kind: FieldKind;
  label: Label;
  /** Other titles users give this column ("客户编码", "Dealer code"…); labels are synonyms already. */
  synonyms?: readonly string[];
  /** Dataset whose codes fill this field's dropdown (dealers, products, locations, regions). */
  ref?: string;
  /**
   * The server refuses a record of `ref` whose status is inactive here (an order's dealer, SKU
   * and location; a stock movement's SKU and locations). Elsewhere an inactive record still
   * counts: a dealer no longer trading may pay its last invoices.
   */
  refActive?: boolean;
  options?: readonly FieldOption[];
  max?: number;
  min?: number;
  default?: FieldDefault;
}

type Opt = { required?: boolean };
/** A field-specific rule on top of the kind's, with the message code it fails with. */
type Check<T> = { test: (value: T) => boolean; error: string };
/** `{ required: false }` makes the field optional; anything else leaves it required. */
type Finished<T extends z.ZodType, O> = O extends { required: false }
  ? z.ZodOptional<T>
  : O extends { required: boolean }
    ? boolean extends O['required']
      ? T | z.ZodOptional<T>
      : T
    : T;

function finish<T extends z.ZodType, O extends Opt | undefined>(
  schema: T,
  meta: FieldMeta,
  opt: O,
): Finished<T, O> {
  const required = opt?.required ?? true;
  return (required ? schema : schema.optional()).meta({ ...meta, required }) as Finished<T, O>;
}

function checked<T extends z.ZodType>(schema: T, check: Check<z.output<T>> | undefined): T {
  return check ? schema.refine(check.test, { error: check.error }) : schema;
}

/**
 * Cyrillic and Greek letters look like Latin ones (С, Н, Р, Α…): a code typed with one would
 * look right in the sheet and match nothing. Codes are Latin letters, digits or Chinese.
 */
const LOOKALIKE = /[\p{Script=Cyrillic}\p{Script=Greek}]/u;

export function hasNoLookalikes(text: string): boolean {
  return !LOOKALIKE.test(text);
}

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export function isValidDate(text: string): boolean {
  if (!DATE_PATTERN.test(text)) return false;
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** 'YYYY-MM-DD HH:mm' naming a real calendar day and a time of day 00:00–23:59. */
export function isValidDateTime(text: string): boolean {
  const match = DATETIME_PATTERN.exec(text);
  if (!match) return false;
  const [, y, mo, d, h, mi] = match as unknown as [string, string, string, string, string, string];
  return isValidDate(`${y}-${mo}-${d}`) && Number(h) < 24 && Number(mi) < 60;
}

export const field = {
  text<const O extends Opt | undefined = undefined>(
    { check, ...meta }: Omit<FieldMeta, 'kind'> & { max?: number; check?: Check<string> },
    opt?: O,
  ) {
    const max = meta.max ?? 200;
    const base = z
      .string({ error: 'required' })
      .trim()
      .min(1, { error: 'required' })
      .max(max, { error: 'too-long' });
    return finish(checked(base, check), { ...meta, kind: 'text', max }, opt as O);
  },
  code<const O extends Opt | undefined = undefined>(meta: Omit<FieldMeta, 'kind'>, opt?: O) {
    const schema = z
      .string({ error: 'required' })
      .trim()
      .min(1, { error: 'required' })
      .max(40, { error: 'too-long' })
      .regex(/^[\p{L}\p{N}._\-/]+$/u, { error: 'invalid-value' })
      .refine(hasNoLookalikes, { error: 'confusable-code' });
    return finish(schema, { ...meta, kind: 'code', max: 40 }, opt as O);
  },
  integer<const O extends Opt | undefined = undefined>(
    { check, ...meta }: Omit<FieldMeta, 'kind'> & { min?: number; check?: Check<number> },
    opt?: O,
  ) {
    const min = meta.min ?? 0;
    const base = z
      .number({ error: 'invalid-number' })
      .int({ error: 'not-integer' })
      .min(min, { error: min > 0 ? 'not-positive' : 'negative' })
      .max(1_000_000_000, { error: 'invalid-value' });
    return finish(checked(base, check), { ...meta, kind: 'integer', min }, opt as O);
  },
  /** Money in fen. Sheets show yuan; the add-in and the importer convert with yuanToFen. */
  money<const O extends Opt | undefined = undefined>(
    meta: Omit<FieldMeta, 'kind'> & { min?: number },
    opt?: O,
  ) {
    const schema = z
      .number({ error: 'invalid-money' })
      .int({ error: 'invalid-money' })
      .min(meta.min ?? 0, { error: 'negative' })
      .max(Number.MAX_SAFE_INTEGER, { error: 'invalid-money' });
    return finish(schema, { ...meta, kind: 'money' }, opt as O);
  },
  date<const O extends Opt | undefined = undefined>(meta: Omit<FieldMeta, 'kind'>, opt?: O) {
    const schema = z
      .string({ error: 'invalid-date' })
      .refine(isValidDate, { error: 'invalid-date' });
    return finish(schema, { ...meta, kind: 'date' }, opt as O);
  },
  /**
   * A moment people type as Asia/Shanghai wall-clock time to the minute, '2026-11-20 14:30'
   * (shared/local-time.ts converts it to and from ISO UTC for the store).
   */
  datetime<const O extends Opt | undefined = undefined>(meta: Omit<FieldMeta, 'kind'>, opt?: O) {
    const schema = z
      .string({ error: 'invalid-datetime' })
      .trim()
      .refine(isValidDateTime, { error: 'invalid-datetime' });
    return finish(schema, { ...meta, kind: 'datetime' }, opt as O);
  },
  enum<const V extends readonly [string, ...string[]], const O extends Opt | undefined = undefined>(
    meta: Omit<FieldMeta, 'kind' | 'options'> & { options: { [K in keyof V]: FieldOption } },
    values: V,
    opt?: O,
  ) {
    const schema = z.enum(values, { error: 'invalid-option' });
    return finish(schema, { ...meta, kind: 'enum' }, opt as O);
  },
  boolean<const O extends Opt | undefined = undefined>(meta: Omit<FieldMeta, 'kind'>, opt?: O) {
    return finish(z.boolean({ error: 'invalid-value' }), { ...meta, kind: 'boolean' }, opt as O);
  },
};

/** The metadata of one field of a dataset schema (every field is built with `field.*`). */
export function fieldMeta(schema: z.ZodType): (FieldMeta & { required: boolean }) | undefined {
  return schema.meta() as (FieldMeta & { required: boolean }) | undefined;
}

/** One choice of a coded column: its code, then its label in zh-CN and en-US. */
export type Choice = readonly [value: string, zh: string, en: string];

const isChoice = (c: Choice | FieldOption): c is Choice => Array.isArray(c);

/**
 * An optional enumeration for a computed pull column that holds one of a few codes (an order
 * type, an ageing bucket): the add-in and the exports show its label, not the code. `choices`
 * are [code, zh-CN, en-US] or the options of the field the codes come from.
 */
export function choiceField(label: Label, choices: readonly (Choice | FieldOption)[]) {
  const options = choices.map((c): FieldOption =>
    isChoice(c) ? { value: c[0], label: { 'zh-CN': c[1], 'en-US': c[2] } } : c,
  ) as [FieldOption, ...FieldOption[]];
  const values = options.map((o) => o.value) as [string, ...string[]];
  return field.enum({ label, options }, values, { required: false });
}

/** The options of a field built with field.enum (none for any other field). */
export function optionsOf(schema: z.ZodType): readonly FieldOption[] {
  return fieldMeta(schema)?.options ?? [];
}
