// Outcome values for the analysis rules. Expected refusals (weights not summing to 100,
// overlapping bands …) are values with kebab-case codes, never throws: callers branch on them.
import type { z } from 'zod';

type Refusal<C extends string = string> = { ok: false; code: C; message: string };
export type Outcome<T, C extends string = string> = { ok: true; value: T } | Refusal<C>;

/** Builds a refusal; `code` is kebab-case, `message` says what to fix. */
export function refuse<C extends string>(code: C, message: string): Refusal<C> {
  return { ok: false, code, message };
}

/**
 * Parses with a schema and turns the first zod issue into a refusal. Refinements in this
 * folder put their kebab-case code in `params.code`; any other issue is 'invalid-input'.
 */
export function parseOutcome<S extends z.ZodType>(schema: S, input: unknown): Outcome<z.infer<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const params: unknown = issue?.code === 'custom' ? issue.params : undefined;
  const code = readCode(params) ?? 'invalid-input';
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return refuse(code, `${where}${issue?.message ?? 'invalid input'}`);
}

function readCode(params: unknown): string | undefined {
  if (typeof params !== 'object' || params === null || !('code' in params)) return undefined;
  return typeof params.code === 'string' ? params.code : undefined;
}

/** Adds a custom zod issue carrying a kebab-case code (read back by parseOutcome). */
export function addCodedIssue(
  ctx: { addIssue: (issue: z.core.$ZodSuperRefineIssue) => void },
  code: string,
  message: string,
  path: PropertyKey[] = [],
): void {
  ctx.addIssue({ code: 'custom', message, params: { code }, path });
}
