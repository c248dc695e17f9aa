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
  options?: readonly FieldOption[];
  max?: number;
  min?: number;
}

type Opt = { required?: boolean };
/** A field-specific rule on top of the kind's, with the message code it fails with. */
type Check<T> = { test: (value: T) => boolean; error: string };

function finish<T extends z.ZodType>(schema: T, meta: FieldMeta, opt: Opt | undefined) {
  const required = opt?.required ?? true;
  return (required ? schema : schema.optional()).meta({ ...meta, required });
}

function checked<T extends z.ZodType>(schema: T, check: Check<z.output<T>> | undefined): T {
  return check ? schema.refine(check.test, { error: check.error }) : schema;
}

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export function isValidDate(text: string): boolean {
  if (!DATE_PATTERN.test(text)) return false;
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const field = {
  text(meta: Omit<FieldMeta, 'kind'> & { max?: number }, opt?: Opt & { check?: Check<string> }) {
    const max = meta.max ?? 200;
    const base = z
      .string({ error: 'required' })
      .trim()
      .min(1, { error: 'required' })
      .max(max, { error: 'too-long' });
    return finish(checked(base, opt?.check), { ...meta, kind: 'text', max }, opt);
  },
  code(meta: Omit<FieldMeta, 'kind'>, opt?: Opt) {
    const schema = z
      .string({ error: 'required' })
      .trim()
      .min(1, { error: 'required' })
      .max(40, { error: 'too-long' })
      .regex(/^[\p{L}\p{N}._\-/]+$/u, { error: 'invalid-value' });
    return finish(schema, { ...meta, kind: 'code', max: 40 }, opt);
  },
  integer(meta: Omit<FieldMeta, 'kind'> & { min?: number }, opt?: Opt & { check?: Check<number> }) {
    const min = meta.min ?? 0;
    const base = z
      .number({ error: 'invalid-number' })
      .int({ error: 'not-integer' })
      .min(min, { error: min > 0 ? 'not-positive' : 'negative' })
      .max(1_000_000_000, { error: 'invalid-value' });
    return finish(checked(base, opt?.check), { ...meta, kind: 'integer', min }, opt);
  },
  /** Money in fen. Sheets show yuan; the add-in and the importer convert with yuanToFen. */
  money(meta: Omit<FieldMeta, 'kind'> & { min?: number }, opt?: Opt) {
    const schema = z
      .number({ error: 'invalid-money' })
      .int({ error: 'invalid-money' })
      .min(meta.min ?? 0, { error: 'negative' })
      .max(Number.MAX_SAFE_INTEGER, { error: 'invalid-money' });
    return finish(schema, { ...meta, kind: 'money' }, opt);
  },
  date(meta: Omit<FieldMeta, 'kind'>, opt?: Opt) {
    const schema = z
      .string({ error: 'invalid-date' })
      .refine(isValidDate, { error: 'invalid-date' });
    return finish(schema, { ...meta, kind: 'date' }, opt);
  },
  enum<const V extends readonly [string, ...string[]]>(
    meta: Omit<FieldMeta, 'kind' | 'options'> & { options: { [K in keyof V]: FieldOption } },
    values: V,
    opt?: Opt,
  ) {
    const schema = z.enum(values, { error: 'invalid-option' });
    return finish(schema, { ...meta, kind: 'enum' }, opt);
  },
  boolean(meta: Omit<FieldMeta, 'kind'>, opt?: Opt) {
    return finish(z.boolean({ error: 'invalid-value' }), { ...meta, kind: 'boolean' }, opt);
  },
};

/** The metadata of one field of a dataset schema (every field is built with `field.*`). */
export function fieldMeta(schema: z.ZodType): (FieldMeta & { required: boolean }) | undefined {
  return schema.meta() as (FieldMeta & { required: boolean }) | undefined;
}
