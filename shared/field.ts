// Field builders: each returns a zod schema carrying its sheet metadata (kind, labels in both
// languages, header synonyms, options). The schemas are the single source of truth: validation,
// GET /meta, header mapping and templates are all derived from them.
import { z } from 'zod';
import type { Label } from './locale';

export type FieldKind = 'text' | 'code' | 'integer' | 'money' | 'date' | 'enum' | 'boolean';

export interface FieldOption {
  value: string;
  label: Label;
  synonyms?: readonly string[];
}

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
