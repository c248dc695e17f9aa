// Parse-at-the-edge helpers: a zod failure becomes one 400 with the issues as details.
import type { z } from 'zod';
import { AppError } from './errors';

export function parseOr400<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const detail = parsed.error.issues
    .map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`)
    .slice(0, 5)
    .join('; ');
  throw new AppError('invalid-request', { detail }, parsed.error.issues.slice(0, 50));
}
