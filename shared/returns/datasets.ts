// The returns datasets (退货, docs/returns.md): return lines against shipments, a manager's
// approval of a return over the threshold, per-product over-delivery allowances, the returns
// settings, and the shipment lines a dealer can still return. Declared once here; the
// handlers are in server/returns/ (docs/adding-a-dataset.md).
import { defineDataset, type DatasetDef, type RowRule } from '../dataset-def';
import type { Role } from '../roles';
import { managers } from '../roles';
import {
  deliveryAllowanceSchema,
  returnableRowSchema,
  returnApprovalSchema,
  returnLineSchema,
  returnPullSchema,
  returnsSettingSchema,
} from './rows';
import {
  dealerTransferPullSchema,
  dealerTransferSchema,
  exchangeApprovalSchema,
  exchangeLineSchema,
  exchangePullSchema,
  transferApprovalSchema,
} from './compound-rows';

/** Sales assistants and the warehouse book returns; finance and analysts read them. */
const bookers: readonly Role[] = ['admin', 'manager', 'sales', 'warehouse'];
const readers: readonly Role[] = ['admin', 'manager', 'sales', 'warehouse', 'finance', 'analyst'];
const transferReaders: readonly Role[] = ['admin', 'manager', 'warehouse', 'finance', 'analyst'];
/** A manager's transfer applies at once; a sales user's is a request awaiting a manager. */
const transferPushers: readonly Role[] = ['admin', 'manager', 'sales'];

/** Restocked goods go to a named location; scrapped goods go nowhere. */
const restockNamesLocation: RowRule = (values) => {
  const location = values.locationCode;
  const named = typeof location === 'string' && location !== '';
  if (values.disposition === 'restock' && !named)
    return [{ field: 'locationCode', code: 'return-location-required' }];
  return [];
};

export const returnsDataset = defineDataset({
  name: 'returns',
  label: { 'zh-CN': '退货', 'en-US': 'Returns' },
  push: { schema: returnLineSchema, roles: bookers },
  pull: { schema: returnPullSchema, roles: readers, filters: ['from', 'to', 'dealer'] },
  groupBy: ['dealerCode', 'returnRef'],
  rules: [restockNamesLocation],
});

export const returnApprovalsDataset = defineDataset({
  name: 'return-approvals',
  label: { 'zh-CN': '退货审批', 'en-US': 'Return approvals' },
  push: { schema: returnApprovalSchema, roles: managers },
  pull: { schema: returnApprovalSchema, roles: readers, filters: ['dealer'] },
});

export const deliveryAllowancesDataset = defineDataset({
  name: 'delivery-allowances',
  label: { 'zh-CN': '超发比例', 'en-US': 'Over-delivery allowances' },
  push: { schema: deliveryAllowanceSchema, roles: managers },
  pull: { schema: deliveryAllowanceSchema, roles: readers },
  naturalKey: 'skuCode',
});

export const returnsSettingsDataset = defineDataset({
  name: 'returns-settings',
  label: { 'zh-CN': '退货设置', 'en-US': 'Returns settings' },
  push: { schema: returnsSettingSchema, roles: managers },
  pull: { schema: returnsSettingSchema, roles: readers },
  naturalKey: 'setting',
});

export const returnableLinesDataset = defineDataset({
  name: 'returnable-lines',
  label: { 'zh-CN': '可退发货行', 'en-US': 'Returnable shipment lines' },
  pull: { schema: returnableRowSchema, roles: readers, filters: ['dealer'] },
});

/** A returned line names its shipment; an issued line names its SKU. */
const exchangeLineNamed: RowRule = (values) => {
  const blank = (name: string) => typeof values[name] !== 'string' || values[name] === '';
  if (values.direction === 'return' && blank('shipmentId'))
    return [{ field: 'shipmentId', code: 'required' }];
  if (values.direction === 'issue' && blank('skuCode'))
    return [{ field: 'skuCode', code: 'required' }];
  return [];
};

export const exchangesDataset = defineDataset({
  name: 'exchanges',
  label: { 'zh-CN': '调换', 'en-US': 'Exchanges' },
  push: { schema: exchangeLineSchema, roles: bookers },
  pull: { schema: exchangePullSchema, roles: readers, filters: ['dealer'] },
  groupBy: ['dealerCode', 'exchangeRef'],
  rules: [exchangeLineNamed],
});

/** A different dealer is the point of a transfer. */
const twoDealers: RowRule = (values) =>
  values.fromDealerCode === values.toDealerCode
    ? [{ field: 'toDealerCode', code: 'transfer-same-dealer' }]
    : [];

/** A manager's push is the transfer's one approval; a sales user's push is a request. */
export const dealerTransfersDataset = defineDataset({
  name: 'dealer-transfers',
  label: { 'zh-CN': '调货', 'en-US': 'Dealer transfers' },
  push: { schema: dealerTransferSchema, roles: transferPushers },
  // Rows name two dealers, so the engine's region limit (one dealerCode) cannot scope them:
  // region-limited sales users read each side in returns and orders instead.
  pull: { schema: dealerTransferPullSchema, roles: transferReaders },
  groupBy: ['transferRef'],
  rules: [twoDealers],
});

export const exchangeApprovalsDataset = defineDataset({
  name: 'exchange-approvals',
  label: { 'zh-CN': '调换审批', 'en-US': 'Exchange approvals' },
  push: { schema: exchangeApprovalSchema, roles: managers },
  pull: { schema: exchangeApprovalSchema, roles: readers, filters: ['dealer'] },
});

export const transferApprovalsDataset = defineDataset({
  name: 'transfer-approvals',
  label: { 'zh-CN': '调货审批', 'en-US': 'Transfer approvals' },
  push: { schema: transferApprovalSchema, roles: managers },
  pull: { schema: transferApprovalSchema, roles: transferReaders },
});

export const returnDatasets: readonly DatasetDef[] = [
  returnsDataset,
  returnApprovalsDataset,
  deliveryAllowancesDataset,
  returnsSettingsDataset,
  returnableLinesDataset,
  exchangesDataset,
  dealerTransfersDataset,
  exchangeApprovalsDataset,
  transferApprovalsDataset,
];
