// The `group-contracts` dataset (团购合同, docs/group-buy.md): one row per contract item, keyed
// by (contract, item) so a contract pushed again updates its items. The rows of a contract stand
// or fall together (groupBy) and must agree on its header. The pull adds what has been called
// off, what remains and the most one call-off may still take.
import { groupContractsDataset } from '../../shared/stock-ops/datasets';
import { mostCallable, type GroupContractItem } from '../../shared/stock-ops/group-rows';
import type { RowProblem } from '../../shared/row-errors';
import { pageSnapshot, compact } from '../analysis/snapshot';
import { loadRegions, regionsUnder } from '../datasets/stock-refs';
import { bulkWriter } from '../store/bulk';
import type { GroupContractItemsTable } from '../store/schema';
import {
  defineHandler,
  type MutationOutcome,
  type ParsedMutation,
  type PullRequest,
  type WriteContext,
} from '../sync/handler';
import { calledOffOf, contractItems } from './call-off-store';

const header = [
  'customerName',
  'signingRegionCode',
  'validFrom',
  'validTo',
  'allowancePercent',
] as const;

const saveItems = bulkWriter({
  table: 'group_contract_items',
  columns: [
    'contract_code',
    'item_code',
    'row_key',
    'customer_name',
    'signing_region_code',
    'valid_from',
    'valid_to',
    'allowance_percent',
    'unit_price',
    'contracted_quantity',
    'version',
    'change_seq',
    'updated_at',
    'updated_by',
  ],
  onConflict: (insert) =>
    insert.onConflict((oc) =>
      oc.columns(['contract_code', 'item_code']).doUpdateSet((eb) => ({
        row_key: eb.ref('excluded.row_key'),
        customer_name: eb.ref('excluded.customer_name'),
        signing_region_code: eb.ref('excluded.signing_region_code'),
        valid_from: eb.ref('excluded.valid_from'),
        valid_to: eb.ref('excluded.valid_to'),
        allowance_percent: eb.ref('excluded.allowance_percent'),
        unit_price: eb.ref('excluded.unit_price'),
        contracted_quantity: eb.ref('excluded.contracted_quantity'),
        version: eb.ref('excluded.version'),
        change_seq: eb.ref('excluded.change_seq'),
        updated_at: eb.ref('excluded.updated_at'),
        updated_by: eb.ref('excluded.updated_by'),
      })),
    ),
});

function toRow(
  ctx: WriteContext,
  m: { rowKey: string; values: GroupContractItem },
  version: number,
): GroupContractItemsTable {
  const v = m.values;
  return {
    contract_code: v.contractCode,
    item_code: v.itemCode,
    row_key: m.rowKey,
    customer_name: v.customerName,
    signing_region_code: v.signingRegionCode ?? null,
    valid_from: v.validFrom,
    valid_to: v.validTo,
    allowance_percent: v.allowancePercent,
    unit_price: v.unitPrice,
    contracted_quantity: v.contractedQuantity,
    version,
    change_seq: ctx.nextSeq(),
    updated_at: ctx.now.toISOString(),
    updated_by: ctx.actor.user.username,
  };
}

function valuesOf(row: GroupContractItemsTable): GroupContractItem {
  return {
    contractCode: row.contract_code,
    customerName: row.customer_name,
    ...(row.signing_region_code ? { signingRegionCode: row.signing_region_code } : {}),
    validFrom: row.valid_from,
    validTo: row.valid_to,
    allowancePercent: row.allowance_percent,
    itemCode: row.item_code,
    unitPrice: row.unit_price,
    contractedQuantity: row.contracted_quantity,
  };
}

const sameHeader = (a: GroupContractItem, b: GroupContractItem) =>
  header.every((f) => a[f] === b[f]);

function problemsOf(
  ctx: WriteContext,
  v: GroupContractItem,
  known: { lead: GroupContractItem | undefined; regions: ReadonlySet<string> },
) {
  const rules = { attribute: () => undefined, role: ctx.actor.user.role };
  const problems: RowProblem[] = (groupContractsDataset.rules ?? []).flatMap((rule) =>
    rule(v, rules),
  );
  const region = v.signingRegionCode;
  if (region && !known.regions.has(region))
    problems.push({
      field: 'signingRegionCode',
      code: 'unknown-region',
      params: { value: region },
    });
  if (known.lead && !sameHeader(known.lead, v))
    problems.push({ code: 'group-contract-inconsistent' });
  return problems;
}

/** A contract's rows stand or fall together: one bad row refuses the others. */
function refusedContracts(
  ctx: WriteContext,
  upserts: readonly { values: GroupContractItem }[],
  regions: ReadonlySet<string>,
) {
  const lead = new Map<string, GroupContractItem>();
  const refused = new Set<string>();
  for (const { values } of upserts) {
    const code = values.contractCode;
    if (!lead.has(code)) lead.set(code, values);
    if (problemsOf(ctx, values, { lead: lead.get(code), regions }).length > 0) refused.add(code);
  }
  return { lead, refused, regions };
}

async function pushContracts(
  ctx: WriteContext,
  mutations: readonly ParsedMutation<GroupContractItem>[],
): Promise<MutationOutcome[]> {
  const upserts = mutations.flatMap((m) => (m.op === 'upsert' ? [m] : []));
  const stored = await contractItems(
    ctx.trx,
    upserts.map((m) => m.values.contractCode),
  );
  const regions = new Set((await loadRegions(ctx.trx)).map((r) => r.code));
  const { lead, refused } = refusedContracts(ctx, upserts, regions);
  const writes: GroupContractItemsTable[] = [];
  const outcomes = mutations.map((m): MutationOutcome => {
    if (m.op === 'delete')
      return { status: 'rejected', problems: [{ code: 'group-contract-no-delete' }] };
    const v = m.values;
    if (refused.has(v.contractCode)) {
      const own = problemsOf(ctx, v, { lead: lead.get(v.contractCode), regions });
      const problems: RowProblem[] =
        own.length > 0 ? own : [{ code: 'group-contract-inconsistent' }];
      return { status: 'rejected', problems };
    }
    const key = `${v.contractCode}|${v.itemCode}`;
    const before = stored.get(key);
    const row = toRow(ctx, m, (before?.version ?? 0) + 1);
    if (before && JSON.stringify(valuesOf(before)) === JSON.stringify(valuesOf(row)))
      return { status: 'unchanged', id: key, version: before.version, problems: [] };
    writes.push(row);
    stored.set(key, row);
    ctx.audit({
      dataset: groupContractsDataset.name,
      recordKey: m.rowKey,
      recordId: key,
      version: row.version,
      action: before ? 'update' : 'create',
      before: before ? valuesOf(before) : null,
      after: v,
    });
    return { status: 'applied', id: key, version: row.version, problems: [] };
  });
  await saveItems(ctx.trx, writes);
  return outcomes;
}

/**
 * A sales assistant limited to regions sees head-office contracts and those signed in their
 * regions (or below them); everyone else sees all.
 */
async function visibleTo(request: PullRequest, items: readonly GroupContractItemsTable[]) {
  const { user } = request;
  if (user.role !== 'sales' || user.regions.length === 0) return items;
  const allowed = regionsUnder(user.regions, await loadRegions(request.db));
  return items.filter((i) => !i.signing_region_code || allowed.has(i.signing_region_code));
}

async function pullContracts(request: PullRequest) {
  const all = await request.db.selectFrom('group_contract_items').selectAll().execute();
  const items = await visibleTo(request, all);
  const called = await calledOffOf(
    request.db,
    items.map((i) => i.contract_code),
  );
  const rows = items.map((item) => {
    const key = `${item.contract_code}|${item.item_code}`;
    const calledOff = called.get(key) ?? 0;
    const remaining = item.contracted_quantity - calledOff;
    const values = {
      ...valuesOf(item),
      calledOff,
      remaining,
      mostCallable: mostCallable(remaining, item.allowance_percent),
    };
    return { key, values: compact(values) };
  });
  return pageSnapshot(rows, request);
}

export const groupContractsHandler = () =>
  defineHandler(groupContractsDataset, { push: pushContracts, pull: pullContracts });
