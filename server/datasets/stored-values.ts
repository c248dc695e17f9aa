// Values read back from our own `records` table, through the schema they were pushed with, so
// the code that reads them gets their type from the schema rather than from a cast. A stored row
// that no longer passes is a broken store, not a user's mistake: the read fails, loudly.
import type { z } from 'zod';

export function readStored<S extends z.ZodType>(
  schema: S,
  values: unknown,
  where: { dataset: string; id: string },
): z.output<S> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return parsed.data;
  throw new Error(`stored ${where.dataset} record ${where.id} does not match its schema`);
}
