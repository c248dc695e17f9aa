// Codes that must name existing master data (a dealer, a SKU, a location, a region), checked
// offline against the meta's lists so the user sees "dealer D9 does not exist" before pushing.
// The server checks again; lists hold active records only, as the server's order checks expect.
import type { DatasetDescription, MetaResponse } from '../../shared/meta';
import type { MessageCode } from '../../shared/messages';

const codeByRef: Record<string, MessageCode> = {
  dealers: 'unknown-dealer',
  products: 'unknown-sku',
  locations: 'unknown-location',
  regions: 'unknown-region',
};

export interface RefChecker {
  /** The message code when `value` is not a known code of `ref`, else null. */
  check(ref: string, value: unknown): MessageCode | null;
}

/**
 * @param ownCodes codes the table itself defines (a region row may name a parent region pushed
 *                 in the same batch, which the server accepts too)
 */
export function refChecker(
  meta: MetaResponse,
  dataset: DatasetDescription,
  ownCodes: ReadonlySet<string>,
): RefChecker {
  const lists = new Map<string, Set<string>>();
  for (const [name, entries] of Object.entries(meta.lists))
    lists.set(name, new Set(entries.map((e) => e.code)));
  return {
    check(ref, value) {
      const code = codeByRef[ref];
      const list = lists.get(ref);
      if (!code || !list || typeof value !== 'string') return null;
      if (list.has(value) || (ref === dataset.name && ownCodes.has(value))) return null;
      return code;
    },
  };
}
