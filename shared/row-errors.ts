// Row validation with the dataset schemas, and row errors in the user's language. The add-in and
// the server run the same code, so a row that validates in Excel validates on the server.
import type { z } from 'zod';
import type { RowSchema } from './datasets';
import type { Locale } from './locale';
import type { FieldDescription } from './meta';
import type { MessageCode, MessageParams } from './messages';
import { formatMessage, isMessageCode } from './messages';
import type { RowError } from './protocol';

/** A row outcome before it is put into words. */
export interface RowProblem {
  field?: string;
  code: MessageCode;
  params?: MessageParams;
}

type RowCheck<T> = { ok: true; data: T } | { ok: false; problems: RowProblem[] };

function problemFromIssue(
  issue: z.core.$ZodIssue,
  fields: ReadonlyMap<string, FieldDescription>,
  values: Readonly<Record<string, unknown>>,
): RowProblem {
  const name = typeof issue.path[0] === 'string' ? issue.path[0] : undefined;
  const code: MessageCode = isMessageCode(issue.message) ? issue.message : 'invalid-value';
  const field = name === undefined ? undefined : fields.get(name);
  const params: Record<string, string | number> = {};
  if (field?.max !== undefined) params.max = field.max;
  if (field?.options) params.options = field.options.map((o) => o.value).join(', ');
  const at = name ? { field: name } : {};
  if (issue.code !== 'invalid_type') return { ...at, code, params };
  // A blank cell is "required" whatever the kind says about a wrong value; a wrong type where
  // text is required is named by the field's kind.
  const given = name === undefined ? undefined : values[name];
  const isBlank = given === undefined || given === null || given === '';
  if (isBlank) return { ...at, code: 'required', params };
  if (code === 'required')
    return { ...at, code: field?.kind === 'money' ? 'invalid-money' : 'invalid-value', params };
  return { ...at, code, params };
}

/** Validates typed values against a dataset's push schema; unknown keys are ignored. */
export function checkRow<S extends RowSchema>(
  schema: S,
  values: Readonly<Record<string, unknown>>,
  fields: readonly FieldDescription[],
): RowCheck<z.infer<S>> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  const byName = new Map(fields.map((f) => [f.name, f]));
  const seen = new Set<string>();
  const problems: RowProblem[] = [];
  for (const issue of parsed.error.issues) {
    const problem = problemFromIssue(issue, byName, values);
    const key = problem.field ?? '';
    if (seen.has(key)) continue; // one reason per cell is what a user can act on
    seen.add(key);
    problems.push(problem);
  }
  return { ok: false, problems };
}

/** Puts row problems into words; `{field}` becomes the field's label in that language. */
export function describeProblems(
  problems: readonly RowProblem[],
  fields: readonly FieldDescription[],
  locale: Locale,
): RowError[] {
  const byName = new Map(fields.map((f) => [f.name, f]));
  return problems.map((problem) => {
    const label = problem.field ? (byName.get(problem.field)?.label[locale] ?? problem.field) : '';
    const params = { field: label, ...problem.params };
    return {
      ...(problem.field ? { field: problem.field } : {}),
      code: problem.code,
      message: formatMessage(problem.code, params, locale),
      ...(problem.params ? { params: { ...problem.params } } : {}),
    };
  });
}
