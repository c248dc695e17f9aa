// Parse-at-the-edge helpers: a zod failure becomes one 400 in the caller's language — zod's own
// zh-CN or en locale for its built-in checks, our message table for checks whose error is one
// of our codes — with the issues kept as `details` for machines (code, path, expected…).
import { z } from 'zod';
import type { Locale } from '../../shared/locale';
import { formatMessage, isMessageCode, type MessageCode } from '../../shared/messages';
import { AppError } from './errors';

const zodLocales = { 'zh-CN': z.locales.zhCN(), 'en-US': z.locales.en() } as const;

/** Codes that name the whole request's problem when a check of one parameter raises them. */
const requestCodes = new Set<MessageCode>(['invalid-date-param', 'confusable-code']);

function issueText(issue: z.core.$ZodIssue, input: unknown, locale: Locale): string {
  const field = issue.path.map(String).join('.') || '(body)';
  if (isMessageCode(issue.message)) {
    const value = valueAt(input, issue.path);
    return formatMessage(issue.message, { field, value: scalarText(value) }, locale);
  }
  return `${field}: ${issue.message}`;
}

/** A scalar parameter's text, for messages; objects and arrays are not shown. */
function scalarText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

export function parseOr400<S extends z.ZodType>(
  schema: S,
  input: unknown,
  locale: Locale = 'zh-CN',
): z.infer<S> {
  const parsed = schema.safeParse(input, { error: zodLocales[locale].localeError });
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  const details = issues.slice(0, 50);
  const first = issues[0];
  if (first && isMessageCode(first.message) && requestCodes.has(first.message)) {
    const field = first.path.map(String).join('.');
    const value = scalarText(valueAt(input, first.path)).slice(0, 40);
    throw new AppError(first.message, { field, value }, details);
  }
  const separator = locale === 'zh-CN' ? '；' : '; ';
  const detail = issues
    .slice(0, 5)
    .map((i) => issueText(i, input, locale))
    .join(separator);
  throw new AppError('invalid-request', { detail }, details);
}
