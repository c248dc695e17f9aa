// Codes that must name existing master data (a dealer, a SKU, a location, a region), checked
// offline against the meta's lists so the user sees "dealer D9 does not exist" before pushing.
// The server checks again. An inactive record is refused only where the field says the server
// wants an active one (`refActive`: an order's dealer, SKU and location); elsewhere — a receipt
// or allocation for a dealer no longer trading — it is as good as an active one. Which datasets
// are lists, and what their unknown and inactive codes are called, comes from meta (each
// dataset's `list`), declared once in shared/.
import type { RuleContext } from '../../shared/dataset-def';
import type { DatasetDescription, FieldDescription, MetaResponse } from '../../shared/meta';
import { isMessageCode, type MessageCode } from '../../shared/messages';
import type { Role } from '../../shared/roles';

export interface RefChecker {
  /** The message code when `value` is not a code `field` may name, else null. */
  check(field: Pick<FieldDescription, 'ref' | 'refActive'>, value: unknown): MessageCode | null;
}

interface ListCodes {
  active: Set<string>;
  inactive: Set<string>;
  unknownCode: MessageCode;
  inactiveCode: MessageCode;
}

function listCodes(meta: MetaResponse): Map<string, ListCodes> {
  const lists = new Map<string, ListCodes>();
  for (const dataset of meta.datasets) {
    const entries = meta.lists[dataset.name];
    if (!dataset.list || !entries) continue;
    const unknown = dataset.list.unknownCode;
    const unknownCode: MessageCode = isMessageCode(unknown) ? unknown : 'invalid-value';
    const inactive = dataset.list.inactiveCode;
    lists.set(dataset.name, {
      active: new Set(entries.map((e) => e.code)),
      inactive: new Set(meta.inactive?.[dataset.name] ?? []),
      unknownCode,
      inactiveCode: inactive !== undefined && isMessageCode(inactive) ? inactive : unknownCode,
    });
  }
  return lists;
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
  const lists = listCodes(meta);
  return {
    check({ ref, refActive }, value) {
      if (ref === undefined || typeof value !== 'string') return null;
      const list = lists.get(ref);
      if (!list) return null;
      if (list.active.has(value) || (ref === dataset.name && ownCodes.has(value))) return null;
      if (!list.inactive.has(value)) return list.unknownCode;
      return refActive === true ? list.inactiveCode : null;
    },
  };
}

/** What the dataset's row rules may look up offline: meta's list attributes, and the role. */
export function ruleContextOf(meta: MetaResponse, role: Role | null): RuleContext | null {
  if (role === null) return null;
  const attrs = new Map<string, Map<string, Readonly<Record<string, number | string>>>>();
  for (const [name, entries] of Object.entries(meta.lists)) {
    const byCode = new Map<string, Readonly<Record<string, number | string>>>();
    for (const entry of entries) if (entry.attrs) byCode.set(entry.code, entry.attrs);
    attrs.set(name, byCode);
  }
  return {
    attribute: (list, code, name) => attrs.get(list)?.get(code)?.[name],
    role,
  };
}
