// The `complaint-slas` dataset: one row per priority, kept in `records` like master data
// (versions, conflicts, audit; the priority is the natural key) behind the dataset's own row
// rule. A priority with no row keeps its default (shared/complaints/sla.ts).
import { complaintSlasDataset } from '../../shared/complaints/datasets';
import {
  complaintPriorities,
  defaultServiceLevels,
  type ComplaintPriority,
  type ServiceLevel,
} from '../../shared/complaints/sla';
import type { RuleContext } from '../../shared/dataset-def';
import { masterHandler, pullRecords } from '../datasets/master';
import { allRecords } from '../datasets/records-store';
import type { Db } from '../store/db';
import { defineHandler } from '../sync/handler';
import { pushThroughGate } from '../analysis/gate';

export type ServiceLevels = Record<ComplaintPriority, ServiceLevel>;

export async function loadServiceLevels(db: Db): Promise<ServiceLevels> {
  const levels: ServiceLevels = { ...defaultServiceLevels };
  for (const record of (await allRecords(db, complaintSlasDataset.name)).values()) {
    const { priority, firstResponseHours, resolutionHours } = record.values;
    const known = complaintPriorities.find((p) => p === priority);
    if (known && typeof firstResponseHours === 'number' && typeof resolutionHours === 'number')
      levels[known] = { firstResponseHours, resolutionHours };
  }
  return levels;
}

export function complaintSlasHandler() {
  const inner = masterHandler(complaintSlasDataset);
  return defineHandler(complaintSlasDataset, {
    async push(ctx, mutations) {
      const rules: RuleContext = { attribute: () => undefined, role: ctx.actor.user.role };
      const check = (m: { values: Record<string, unknown> }) =>
        (complaintSlasDataset.rules ?? []).flatMap((rule) => rule(m.values, rules));
      return (await pushThroughGate(ctx, mutations, { inner, check })).outcomes;
    },
    pull: (request) => pullRecords(complaintSlasDataset.name, request),
  });
}
