// Pull cursors are opaque to clients: base64url JSON of the dataset, the filter's hash, the
// last change_seq sent, and (during a first load) the seq at which that load began.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { PullFilter } from '../../shared/protocol';

const cursorSchema = z.object({
  v: z.literal(1),
  d: z.string(),
  f: z.string(),
  s: z.number().int().min(0),
  /** Set while a first load is still paging: tombstones up to here are skipped. */
  i: z.number().int().min(0).optional(),
});
type Cursor = z.infer<typeof cursorSchema>;

export function filterHash(filter: PullFilter): string {
  const entries = Object.entries(filter)
    .filter(([, v]) => v !== undefined && v !== '')
    .sort(([a], [b]) => a.localeCompare(b));
  return createHash('sha256').update(JSON.stringify(entries)).digest('base64url').slice(0, 16);
}

export function encodeCursor(cursor: Omit<Cursor, 'v'>): string {
  return Buffer.from(JSON.stringify({ v: 1, ...cursor })).toString('base64url');
}

export function decodeCursor(text: string): Cursor | null {
  try {
    const parsed = cursorSchema.safeParse(
      JSON.parse(Buffer.from(text, 'base64url').toString('utf8')),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
