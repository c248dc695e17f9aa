// 回款计划: a computed pull, one row per active contract and schedule part (定金, 首付, 贷款,
// 分期) plus the contract's total, with what is planned, collected and outstanding
// (docs/estate.md, "Collections"). Paged as a snapshot: a refresh reloads it whole.
import {
  collectionParts,
  estateCollectionScheduleDataset,
  outstandingOf,
  partField,
} from '../../shared/estate/collections';
import { pageSnapshot, type DerivedRow } from '../analysis/snapshot';
import { defineHandler, type PullRequest } from '../sync/handler';
import { collectedByContract, fullyCollectedOn, scheduleOf } from './collection-facts';
import { est } from './tables';

async function scheduleRows(request: PullRequest): Promise<DerivedRow[]> {
  const contracts = await est(request.db)
    .selectFrom('est_documents')
    .selectAll()
    .where('kind', '=', 'contract')
    .where('state', '=', 'active')
    .where('deleted', '=', 0)
    .orderBy('id')
    .execute();
  const sums = await collectedByContract(request.db);
  const rows: DerivedRow[] = [];
  for (const contract of contracts) {
    const schedule = scheduleOf(contract);
    const collected = sums.get(contract.id);
    const buyerName = (JSON.parse(contract.values_json) as { buyerName?: string }).buyerName ?? '';
    const head = {
      contractId: contract.id,
      projectCode: contract.project_code,
      unitCode: contract.unit_code,
      consultant: contract.consultant,
      buyerName,
    };
    const done = fullyCollectedOn(contract, collected);
    let total = { planned: 0, collected: 0, outstanding: 0 };
    for (const part of collectionParts) {
      const planned = schedule[partField[part]];
      const got = collected?.byPart[part] ?? 0;
      if (planned === 0 && got === 0) continue;
      const figures = { planned, collected: got, outstanding: outstandingOf(schedule, part, got) };
      total = {
        planned: total.planned + figures.planned,
        collected: total.collected + figures.collected,
        outstanding: total.outstanding + figures.outstanding,
      };
      rows.push({ key: `${contract.id}|${part}`, values: { ...head, kind: part, ...figures } });
    }
    rows.push({
      key: `${contract.id}|total`,
      values: { ...head, kind: 'total', ...total, ...(done ? { fullyCollectedOn: done } : {}) },
    });
  }
  return rows;
}

export function collectionScheduleHandler() {
  return defineHandler(estateCollectionScheduleDataset, {
    pull: async (request) => pageSnapshot(await scheduleRows(request), request),
  });
}
