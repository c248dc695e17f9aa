// The core datasets — master data, orders, stock movements and the stock pull — each declared
// once; shared/registry.ts lists them with every other dataset. See docs/adding-a-dataset.md.
import { defineDataset, type DatasetDef, type MasterList, type RowSchema } from './dataset-def';
import type { Label } from './locale';
import type { Role } from './roles';
import { everyone, managers } from './roles';
import { dealerSchema } from './dealer';
import { locationSchema } from './location';
import { orderLineRowSchema, orderLineSchema } from './order';
import { orderLineRules } from './order-rules';
import { productSchema } from './product';
import { regionSchema } from './region';
import { staffSchema } from './staff';
import {
  adjustmentSchema,
  goodsReceiptSchema,
  shipmentSchema,
  stockRowSchema,
  transferSchema,
} from './stock';

export type { DatasetDef, RowSchema } from './dataset-def';

const stockStaff: readonly Role[] = ['admin', 'manager', 'warehouse'];
const orderTakers: readonly Role[] = ['admin', 'manager', 'sales'];
/** Who may push orders over a dealer's credit limit (the push option `releaseCredit`). */
const creditReleasers: readonly Role[] = ['admin', 'manager', 'finance'];

function master<S extends RowSchema>(
  name: string,
  label: Label,
  schema: S,
  keys: { naturalKey: string; list: MasterList },
): DatasetDef<S, S> {
  return defineDataset({
    name,
    label,
    push: { schema, roles: managers },
    pull: { schema, roles: everyone },
    ...keys,
  });
}

const regionsDataset = master('regions', { 'zh-CN': '区域', 'en-US': 'Regions' }, regionSchema, {
  naturalKey: 'code',
  list: { nameField: 'name', unknownCode: 'unknown-region' },
});
const dealersDataset = master('dealers', { 'zh-CN': '经销商', 'en-US': 'Dealers' }, dealerSchema, {
  naturalKey: 'code',
  list: { nameField: 'name', unknownCode: 'unknown-dealer', inactiveCode: 'dealer-inactive' },
});
const productsDataset = master(
  'products',
  { 'zh-CN': '产品', 'en-US': 'Products' },
  productSchema,
  {
    naturalKey: 'skuCode',
    list: {
      nameField: 'name',
      attributes: ['packSize', 'dealerPrice'],
      unknownCode: 'unknown-sku',
      inactiveCode: 'sku-inactive',
    },
  },
);
const locationsDataset = master(
  'locations',
  { 'zh-CN': '库位', 'en-US': 'Locations' },
  locationSchema,
  {
    naturalKey: 'code',
    list: {
      nameField: 'name',
      unknownCode: 'unknown-location',
      inactiveCode: 'location-inactive',
    },
  },
);
const staffDataset = master('staff', { 'zh-CN': '销售人员', 'en-US': 'Sales staff' }, staffSchema, {
  naturalKey: 'code',
  list: { nameField: 'name', unknownCode: 'invalid-value' },
});

/** Datasets whose codes fill dropdowns and whose records other datasets name (`ref`). */
const masterDatasets = [
  regionsDataset,
  dealersDataset,
  productsDataset,
  locationsDataset,
  staffDataset,
] as const;

export const ordersDataset = defineDataset({
  name: 'orders',
  label: { 'zh-CN': '要货订单', 'en-US': 'Orders' },
  push: {
    schema: orderLineSchema,
    roles: orderTakers,
    options: { releaseCredit: creditReleasers },
  },
  pull: {
    schema: orderLineRowSchema,
    roles: everyone,
    filters: ['from', 'to', 'region', 'dealer', 'location'],
  },
  // One sheet row is one order line; the lines of one order stand or fall together.
  groupBy: ['dealerCode', 'orderRef'],
  rules: orderLineRules,
});

const movementFilters = ['from', 'to', 'location'] as const;

export const goodsReceiptsDataset = defineDataset({
  name: 'goods-receipts',
  label: { 'zh-CN': '入库', 'en-US': 'Goods receipts' },
  push: { schema: goodsReceiptSchema, roles: stockStaff },
  pull: { schema: goodsReceiptSchema, roles: stockStaff, filters: movementFilters },
});

export const shipmentsDataset = defineDataset({
  name: 'shipments',
  label: { 'zh-CN': '发货', 'en-US': 'Shipments' },
  push: { schema: shipmentSchema, roles: stockStaff },
  pull: { schema: shipmentSchema, roles: everyone, filters: movementFilters },
});

export const transfersDataset = defineDataset({
  name: 'transfers',
  label: { 'zh-CN': '调拨', 'en-US': 'Transfers' },
  push: { schema: transferSchema, roles: stockStaff },
  pull: { schema: transferSchema, roles: stockStaff, filters: movementFilters },
});

export const adjustmentsDataset = defineDataset({
  name: 'adjustments',
  label: { 'zh-CN': '库存调整', 'en-US': 'Adjustments' },
  push: { schema: adjustmentSchema, roles: stockStaff },
  pull: { schema: adjustmentSchema, roles: stockStaff, filters: movementFilters },
});

export const stockDataset = defineDataset({
  name: 'stock',
  label: { 'zh-CN': '库存', 'en-US': 'Stock' },
  pull: { schema: stockRowSchema, roles: everyone, filters: ['location', 'category'] },
});

export const coreDatasets: readonly DatasetDef[] = [
  ...masterDatasets,
  ordersDataset,
  goodsReceiptsDataset,
  shipmentsDataset,
  transfersDataset,
  adjustmentsDataset,
  stockDataset,
];
