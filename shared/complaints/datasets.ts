// The complaint datasets (客诉): the log sales assistants and customer service keep, the service
// levels managers set per priority, and the overdue list. Declared once here; the server's
// handlers are in server/complaints/ (docs/adding-a-dataset.md).
import { defineDataset, type DatasetDef, type RowRule } from '../dataset-def';
import { shanghaiToMs } from '../local-time';
import { managers, type Role } from '../roles';
import {
  complaintOverdueSchema,
  complaintPullSchema,
  complaintSchema,
  complaintSlaSchema,
} from './rows';

/** Sales assistants and customer service (role sales) log complaints; analysts read. */
const loggers: readonly Role[] = ['admin', 'manager', 'sales'];
const readers: readonly Role[] = ['admin', 'manager', 'sales', 'analyst'];

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/** A complaint names who complained: a dealer, or a consumer by name; a consumer, a region. */
const partyNamed: RowRule = (values) => {
  if (text(values.dealerCode) !== undefined) return [];
  if (text(values.consumerName) === undefined)
    return [{ field: 'consumerName', code: 'complaint-party-required' }];
  if (text(values.regionCode) === undefined)
    return [{ field: 'regionCode', code: 'complaint-region-required' }];
  return [];
};

/** A response or resolution cannot come before the opening time. */
const notBeforeOpening: RowRule = (values) => {
  const opened = text(values.openedAt);
  if (opened === undefined) return [];
  return (['firstResponseAt', 'resolvedAt'] as const).flatMap((name) => {
    const at = text(values[name]);
    return at !== undefined && shanghaiToMs(at) < shanghaiToMs(opened)
      ? [{ field: name, code: 'complaint-before-opening' as const, params: { openedAt: opened } }]
      : [];
  });
};

/** A resolved complaint says what caused it and what was done. */
const resolvedExplained: RowRule = (values) => {
  if (text(values.resolvedAt) === undefined) return [];
  return (['rootCause', 'fix'] as const).flatMap((name) =>
    text(values[name]) === undefined
      ? [{ field: name, code: 'complaint-resolution-unexplained' as const }]
      : [],
  );
};

export const complaintsDataset = defineDataset({
  name: 'complaints',
  label: { 'zh-CN': '客诉', 'en-US': 'Complaints' },
  push: { schema: complaintSchema, roles: loggers },
  pull: {
    schema: complaintPullSchema,
    roles: readers,
    filters: ['from', 'to', 'region', 'dealer'],
  },
  rules: [partyNamed, notBeforeOpening, resolvedExplained],
});

const resolutionAfterResponse: RowRule = (values) =>
  typeof values.firstResponseHours === 'number' &&
  typeof values.resolutionHours === 'number' &&
  values.resolutionHours < values.firstResponseHours
    ? [{ field: 'resolutionHours', code: 'sla-resolution-before-response' }]
    : [];

export const complaintSlasDataset = defineDataset({
  name: 'complaint-slas',
  label: { 'zh-CN': '客诉时效', 'en-US': 'Complaint service levels' },
  push: { schema: complaintSlaSchema, roles: managers },
  pull: { schema: complaintSlaSchema, roles: readers },
  naturalKey: 'priority',
  rules: [resolutionAfterResponse],
});

export const complaintsOverdueDataset = defineDataset({
  name: 'complaints-overdue',
  label: { 'zh-CN': '超时客诉', 'en-US': 'Overdue complaints' },
  pull: { schema: complaintOverdueSchema, roles: readers, filters: ['region', 'dealer'] },
});

export const complaintDatasets: readonly DatasetDef[] = [
  complaintsDataset,
  complaintSlasDataset,
  complaintsOverdueDataset,
];
