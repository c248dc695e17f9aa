// The datasets that travel through push and pull, who may move them, and their schemas.
import type { z } from 'zod';
import type { Label } from './locale';
import type { Role } from './roles';
import { everyone, managers } from './roles';
import { dealerSchema } from './dealer';
import { locationSchema } from './location';
import { orderLineRowSchema, orderLineSchema } from './order';
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

export type RowSchema = z.ZodObject<z.ZodRawShape>;

export interface DatasetDef {
  name: string;
  label: Label;
  /** Values a push carries; absent when the dataset is pull-only. */
  push?: { schema: RowSchema; roles: readonly Role[] };
  /** Values a pull returns; absent when the dataset is push-only. */
  pull?: { schema: RowSchema; roles: readonly Role[] };
  /** The field that names a record for people (a dealer's code), unique in the dataset. */
  naturalKey?: string;
  /** All or nothing: a push sends every row in one request with `atomic: true` (allocations). */
  pushAtomic?: true;
}

const stockStaff: readonly Role[] = ['admin', 'manager', 'warehouse'];
const orderTakers: readonly Role[] = ['admin', 'manager', 'sales'];

function master(name: string, label: Label, schema: RowSchema, naturalKey: string): DatasetDef {
  return {
    name,
    label,
    push: { schema, roles: managers },
    pull: { schema, roles: everyone },
    naturalKey,
  };
}

export const coreDatasets: readonly DatasetDef[] = [
  master('regions', { 'zh-CN': '区域', 'en-US': 'Regions' }, regionSchema, 'code'),
  master('dealers', { 'zh-CN': '经销商', 'en-US': 'Dealers' }, dealerSchema, 'code'),
  master('products', { 'zh-CN': '产品', 'en-US': 'Products' }, productSchema, 'skuCode'),
  master('locations', { 'zh-CN': '库位', 'en-US': 'Locations' }, locationSchema, 'code'),
  master('staff', { 'zh-CN': '销售人员', 'en-US': 'Sales staff' }, staffSchema, 'code'),
  {
    name: 'orders',
    label: { 'zh-CN': '要货订单', 'en-US': 'Orders' },
    push: { schema: orderLineSchema, roles: orderTakers },
    pull: { schema: orderLineRowSchema, roles: everyone },
  },
  {
    name: 'goods-receipts',
    label: { 'zh-CN': '入库', 'en-US': 'Goods receipts' },
    push: { schema: goodsReceiptSchema, roles: stockStaff },
    pull: { schema: goodsReceiptSchema, roles: stockStaff },
  },
  {
    name: 'shipments',
    label: { 'zh-CN': '发货', 'en-US': 'Shipments' },
    push: { schema: shipmentSchema, roles: stockStaff },
    pull: { schema: shipmentSchema, roles: everyone },
  },
  {
    name: 'transfers',
    label: { 'zh-CN': '调拨', 'en-US': 'Transfers' },
    push: { schema: transferSchema, roles: stockStaff },
    pull: { schema: transferSchema, roles: stockStaff },
  },
  {
    name: 'adjustments',
    label: { 'zh-CN': '库存调整', 'en-US': 'Adjustments' },
    push: { schema: adjustmentSchema, roles: stockStaff },
    pull: { schema: adjustmentSchema, roles: stockStaff },
  },
  {
    name: 'stock',
    label: { 'zh-CN': '库存', 'en-US': 'Stock' },
    pull: { schema: stockRowSchema, roles: everyone },
  },
];
