// The server's side of shared/registry.ts: one handler per declared dataset, by name. Building
// the registry checks that the two agree, so a dataset declared without a handler (or a handler
// for an undeclared dataset) stops the server at start-up. See docs/adding-a-dataset.md.
import { datasets, findDataset } from '../../shared/registry';
import type { DatasetHandler } from './handler';
import { masterHandler } from '../datasets/master';
import { adjustmentsHandler, goodsReceiptsHandler } from '../datasets/movements-stock';
import { shipmentsHandler } from '../datasets/movements-shipments';
import { transfersHandler } from '../datasets/movements-transfers';
import { ordersHandler } from '../datasets/orders';
import { stockHandler } from '../datasets/stock';
import { analysisHandlers } from '../analysis';
import { complaintHandlers } from '../complaints';
import { financeHandlers } from '../finance/registry';

export type HandlerRegistry = ReadonlyMap<string, DatasetHandler>;

/** Every handler: master data from its declaration, the rest by their own modules. */
function allHandlers(): DatasetHandler[] {
  return [
    ...datasets.flatMap((def) => (def.list ? [masterHandler(def)] : [])),
    ordersHandler(),
    goodsReceiptsHandler(),
    shipmentsHandler(),
    transfersHandler(),
    adjustmentsHandler(),
    stockHandler(),
    ...financeHandlers(),
    ...analysisHandlers(),
    ...complaintHandlers(),
  ];
}

export function buildRegistry(): HandlerRegistry {
  const handlers = new Map<string, DatasetHandler>();
  for (const handler of allHandlers()) {
    const { name } = handler.def;
    if (!findDataset(name)) throw new Error(`handler for ${name}: no such dataset is declared`);
    if (handlers.has(name)) throw new Error(`two handlers for ${name}`);
    handlers.set(name, handler);
  }
  const missing = datasets.filter((def) => !handlers.has(def.name)).map((d) => d.name);
  if (missing.length > 0) throw new Error(`datasets without a handler: ${missing.join(', ')}`);
  return handlers;
}
