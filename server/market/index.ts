// The market-order and rebate datasets' handlers (shared/market/datasets.ts), named once in
// server/sync/registry.ts. Areas, settings and policies are keyed records (master-like) behind
// their datasets' row rules; the rest keep tables of their own (migration 060).
import type { RuleContext } from '../../shared/dataset-def';
import type { DatasetDef } from '../../shared/datasets';
import {
  dealerAreasDataset,
  dealerDepositsDataset,
  depositBalancesDataset,
  marketCasesDataset,
  marketCaseUnitsDataset,
  marketScansDataset,
  marketSettingsDataset,
  rebatePoliciesDataset,
  rebateSettlementsDataset,
} from '../../shared/market/datasets';
import { pushThroughGate } from '../analysis/gate';
import { masterHandler, pullRecords } from '../datasets/master';
import { defineHandler, type DatasetHandler } from '../sync/handler';
import { pushCases } from './cases';
import { traceCodesHandler } from './codes';
import { pushDeposits } from './deposits';
import { pullBalances, pullCases, pullCaseUnits, pullDeposits, pullScans } from './pulls';
import { pullSettlements, pushSettlements } from './rebates';
import { pushScans } from './scans';

/** Records kept like master data, each row checked with the dataset's rules first. */
function ruledRecords(def: DatasetDef): DatasetHandler {
  const inner = masterHandler(def);
  return defineHandler(def, {
    async push(ctx, mutations) {
      const rules: RuleContext = { attribute: () => undefined, role: ctx.actor.user.role };
      const check = (m: { values: Record<string, unknown> }) =>
        (def.rules ?? []).flatMap((rule) => rule(m.values, rules));
      return (await pushThroughGate(ctx, mutations, { inner, check })).outcomes;
    },
    pull: (request) => pullRecords(def.name, request),
  });
}

export function marketHandlers(): DatasetHandler[] {
  return [
    traceCodesHandler(),
    ruledRecords(dealerAreasDataset),
    ruledRecords(marketSettingsDataset),
    ruledRecords(rebatePoliciesDataset),
    defineHandler(marketScansDataset, { push: pushScans, pull: pullScans }),
    defineHandler(marketCasesDataset, { push: pushCases, pull: pullCases }),
    defineHandler(marketCaseUnitsDataset, { pull: pullCaseUnits }),
    defineHandler(dealerDepositsDataset, { push: pushDeposits, pull: pullDeposits }),
    defineHandler(depositBalancesDataset, { pull: pullBalances }),
    defineHandler(rebateSettlementsDataset, { push: pushSettlements, pull: pullSettlements }),
  ];
}
