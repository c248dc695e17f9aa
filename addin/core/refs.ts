// Codes that must name existing master data (a dealer, a SKU, a location, a region), checked
// offline against the meta's lists so the user sees "dealer D9 does not exist" before pushing.
// The server checks again. An inactive record is refused only where the field says the server
// wants an active one (`refActive`: an order's dealer, SKU and location); elsewhere — a receipt
// or allocation for a dealer no longer trading — it is as good as an active one.
import type { DatasetDescription, FieldDescription, MetaResponse } from '../../shared/meta';
import type { MessageCode } from '../../shared/messages';

const unknownCode: Record<string, MessageCode> = {
  dealers: 'unknown-dealer',
  products: 'unknown-sku',
  locations: 'unknown-location',
  regions: 'unknown-region',
};

const inactiveCode: Partial<Record<string, MessageCode>> = {
  dealers: 'dealer-inactive',
  products: 'sku-inactive',
  locations: 'location-inactive',
};

export interface RefChecker {
  /** The message code when `value` is not a code `field` may name, else null. */
  check(field: Pick<FieldDescription, 'ref' | 'refActive'>, value: unknown): MessageCode | null;
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
  const active = new Map<string, Set<string>>();
  for (const [name, entries] of Object.entries(meta.lists))
    active.set(name, new Set(entries.map((e) => e.code)));
  const inactive = new Map<string, Set<string>>();
  for (const [name, codes] of Object.entries(meta.inactive ?? {}))
    inactive.set(name, new Set(codes));
  return {
    check({ ref, refActive }, value) {
      if (ref === undefined || typeof value !== 'string') return null;
      const code = unknownCode[ref];
      const list = active.get(ref);
      if (!code || !list) return null;
      if (list.has(value) || (ref === dataset.name && ownCodes.has(value))) return null;
      if (!inactive.get(ref)?.has(value)) return code;
      return refActive === true ? (inactiveCode[ref] ?? code) : null;
    },
  };
}
