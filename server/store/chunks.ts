// Long key lists are loaded in chunks: SQLite and PostgreSQL both cap bound parameters.

/** `load` over the distinct `keys`, 500 at a time, the rows concatenated. */
export async function inChunks<T>(
  keys: readonly string[],
  load: (chunk: string[]) => Promise<T[]>,
): Promise<T[]> {
  const unique = [...new Set(keys)];
  const rows: T[] = [];
  for (let i = 0; i < unique.length; i += 500) rows.push(...(await load(unique.slice(i, i + 500))));
  return rows;
}
