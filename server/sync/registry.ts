// Every dataset the server knows, by name. Features add their handlers here.
import { coreDatasets } from '../../shared/datasets';
import type { DatasetHandler } from './handler';
import { masterHandler } from '../datasets/master';
import { adjustmentsHandler, goodsReceiptsHandler } from '../datasets/movements-stock';
import { shipmentsHandler } from '../datasets/movements-shipments';
import { transfersHandler } from '../datasets/movements-transfers';
import { ordersHandler } from '../datasets/orders';
import { stockHandler } from '../datasets/stock';
import { analysisHandlers } from '../analysis';
import { financeHandlers } from '../finance/registry';

export type HandlerRegistry = ReadonlyMap<string, DatasetHandler>;

const masterNames = new Set(['regions', 'dealers', 'products', 'locations', 'staff']);

/** Orders, stock movements and the stock pull. */
const salesHandlers = (): DatasetHandler[] => [
  ordersHandler(),
  goodsReceiptsHandler(),
  shipmentsHandler(),
  transfersHandler(),
  adjustmentsHandler(),
  stockHandler(),
  ...financeHandlers(),
];

export function buildRegistry(extra: readonly DatasetHandler[] = []): HandlerRegistry {
  const handlers = new Map<string, DatasetHandler>();
  for (const def of coreDatasets)
    if (masterNames.has(def.name)) handlers.set(def.name, masterHandler(def));
  for (const handler of salesHandlers()) handlers.set(handler.def.name, handler);
  for (const handler of analysisHandlers()) handlers.set(handler.def.name, handler);
  for (const handler of extra) handlers.set(handler.def.name, handler);
  return handlers;
}
