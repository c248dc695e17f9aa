// The dealer-support datasets: samples and promotional material, events and promotions, market
// intelligence, contracts and qualifications. Declared once here; the handlers are in
// server/support/ (docs/adding-a-dataset.md, docs/dealer-support.md).
import { defineDataset, type DatasetDef, type RowRule } from '../dataset-def';
import { managers, type Role } from '../roles';
import {
  eventDealerSchema,
  eventOrderSchema,
  eventResultSchema,
  eventSchema,
  promotionResultSchema,
} from './events';
import { marketIntelSchema } from './intelligence';
import {
  licenceRequirementSchema,
  qualificationExpirySchema,
  qualificationSchema,
} from './qualifications';
import {
  marketingBudgetSchema,
  sampleIssuePullSchema,
  sampleIssueSchema,
  sampleQuotaSchema,
  sampleQuotaUseSchema,
} from './samples';
import { field } from '../field';
import { label } from './labels';

/** Sales assistants keep the registers; analysts and finance read. */
const keepers: readonly Role[] = ['admin', 'manager', 'sales'];
const readers: readonly Role[] = ['admin', 'manager', 'sales', 'analyst', 'finance'];
const withId = { id: field.code({ label: label('编号', 'Id') }) };

/** An end date on or after its start date (validFrom/validTo, startDate/endDate). */
const datesInOrder =
  (from: string, to: string): RowRule =>
  (values) =>
    typeof values[from] === 'string' && typeof values[to] === 'string' && values[to] < values[from]
      ? [{ field: to, code: 'support-dates-reversed' }]
      : [];

export const sampleQuotasDataset = defineDataset({
  name: 'sample-quotas',
  label: label('样品配额', 'Sample quotas'),
  push: { schema: sampleQuotaSchema, roles: managers },
  pull: { schema: sampleQuotaSchema.extend(withId), roles: readers },
});

export const sampleIssuesDataset = defineDataset({
  name: 'sample-issues',
  label: label('样品发放', 'Sample issues'),
  // Over quota only with `overQuota: true`, which only a manager may set.
  push: { schema: sampleIssueSchema, roles: keepers, options: { overQuota: managers } },
  pull: {
    schema: sampleIssuePullSchema.extend(withId),
    roles: readers,
    filters: ['from', 'to', 'dealer'],
  },
  naturalKey: 'issueRef',
});

export const marketingBudgetsDataset = defineDataset({
  name: 'marketing-budgets',
  label: label('市场费用预算', 'Marketing budgets'),
  push: { schema: marketingBudgetSchema, roles: managers },
  pull: { schema: marketingBudgetSchema.extend(withId), roles: readers },
});

export const sampleQuotaUseDataset = defineDataset({
  name: 'sample-quota-use',
  label: label('样品配额使用', 'Sample quota use'),
  pull: { schema: sampleQuotaUseSchema, roles: readers, filters: ['dealer'] },
});

export const eventsDataset = defineDataset({
  name: 'events',
  label: label('会议展会与促销', 'Events and promotions'),
  push: { schema: eventSchema, roles: keepers },
  pull: {
    schema: eventSchema.extend({ id: eventSchema.shape.code }),
    roles: readers,
    filters: ['from', 'to'],
  },
  naturalKey: 'code',
  rules: [
    datesInOrder('startDate', 'endDate'),
    (values) =>
      values.kind === 'promotion' && typeof values.dealerCode !== 'string'
        ? [{ field: 'dealerCode', code: 'required' }]
        : [],
  ],
});

export const eventDealersDataset = defineDataset({
  name: 'event-dealers',
  label: label('活动邀请与到会', 'Event invitations'),
  push: { schema: eventDealerSchema, roles: keepers },
  pull: { schema: eventDealerSchema.extend(withId), roles: readers, filters: ['dealer'] },
});

export const eventOrdersDataset = defineDataset({
  name: 'event-orders',
  label: label('活动订单', 'Event orders'),
  push: { schema: eventOrderSchema, roles: keepers },
  pull: { schema: eventOrderSchema.extend(withId), roles: readers, filters: ['dealer'] },
});

export const eventResultsDataset = defineDataset({
  name: 'event-results',
  label: label('活动效果', 'Event results'),
  pull: { schema: eventResultSchema, roles: readers, filters: ['from', 'to'] },
});

export const promotionResultsDataset = defineDataset({
  name: 'promotion-results',
  label: label('直营促销效果', 'Promotion results'),
  pull: { schema: promotionResultSchema, roles: readers, filters: ['from', 'to', 'dealer'] },
});

export const marketIntelDataset = defineDataset({
  name: 'market-intel',
  label: label('竞品信息', 'Market intelligence'),
  push: { schema: marketIntelSchema, roles: keepers },
  pull: {
    schema: marketIntelSchema.extend(withId),
    roles: ['admin', 'manager', 'analyst'],
    filters: ['from', 'to', 'region'],
  },
});

export const qualificationsDataset = defineDataset({
  name: 'qualifications',
  label: label('合同与资质', 'Contracts and qualifications'),
  push: { schema: qualificationSchema, roles: keepers },
  pull: {
    schema: qualificationSchema.extend({ id: qualificationSchema.shape.number }),
    roles: readers,
    filters: ['dealer'],
  },
  naturalKey: 'number',
  rules: [datesInOrder('validFrom', 'validTo')],
});

export const licenceRequirementsDataset = defineDataset({
  name: 'licence-requirements',
  label: label('品类资质要求', 'Licence requirements'),
  push: { schema: licenceRequirementSchema, roles: managers },
  pull: {
    schema: licenceRequirementSchema.extend({ id: licenceRequirementSchema.shape.category }),
    roles: readers,
  },
  naturalKey: 'category',
});

export const qualificationExpiryDataset = defineDataset({
  name: 'qualifications-expiry',
  label: label('资质到期', 'Qualification expiry'),
  pull: { schema: qualificationExpirySchema, roles: readers, filters: ['from', 'to', 'dealer'] },
});

export const supportDatasets: readonly DatasetDef[] = [
  sampleQuotasDataset,
  sampleIssuesDataset,
  marketingBudgetsDataset,
  sampleQuotaUseDataset,
  eventsDataset,
  eventDealersDataset,
  eventOrdersDataset,
  eventResultsDataset,
  promotionResultsDataset,
  marketIntelDataset,
  qualificationsDataset,
  licenceRequirementsDataset,
  qualificationExpiryDataset,
];
