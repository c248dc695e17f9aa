// The server's side of shared/registry.ts: one handler per declared dataset, by name. Building
// the registry checks that the two agree, so a dataset declared without a handler (or a handler
// for an undeclared dataset) stops the server at start-up. See docs/adding-a-dataset.md.
// A deployment enables some modules (SALES_SYNC_MODULES): only their datasets are served, and
// GET /meta lists only those (docs/estate.md, "Deployment").
import { datasetModules, findDataset, moduleNames, type ModuleName } from '../../shared/registry';
import type { DatasetHandler } from './handler';
import { masterHandler } from '../datasets/master';
import { adjustmentsHandler, goodsReceiptsHandler } from '../datasets/movements-stock';
import { shipmentsHandler } from '../datasets/movements-shipments';
import { transfersHandler } from '../datasets/movements-transfers';
import { ordersHandler } from '../datasets/orders';
import { stockHandler } from '../datasets/stock';
import { analysisHandlers } from '../analysis';
import { complaintHandlers } from '../complaints';
import { supportHandlers } from '../support';
import { estateHandlers } from '../estate/registry';
import { financeHandlers } from '../finance/registry';
import { selloutHandlers } from '../sellout';
import { marketHandlers } from '../market';
import { returnHandlers } from '../returns';
import { stockOpsHandlers } from '../stock-ops';

export type HandlerRegistry = ReadonlyMap<string, DatasetHandler>;

/** Each module's handlers: master data from its declarations, the rest by their own modules. */
const moduleHandlers: Record<ModuleName, () => DatasetHandler[]> = {
  dealer: () => [
    ordersHandler(),
    goodsReceiptsHandler(),
    shipmentsHandler(),
    transfersHandler(),
    adjustmentsHandler(),
    stockHandler(),
    ...financeHandlers(),
    ...analysisHandlers(),
    ...complaintHandlers(),
    ...selloutHandlers(),
    ...marketHandlers(),
    ...returnHandlers(),
    ...stockOpsHandlers(),
    ...supportHandlers(),
  ],
  estate: estateHandlers,
};

function handlersOf(module: ModuleName): DatasetHandler[] {
  const masters = datasetModules[module].flatMap((def) => (def.list ? [masterHandler(def)] : []));
  return [...masters, ...moduleHandlers[module]()];
}

export function buildRegistry(modules: readonly ModuleName[] = moduleNames): HandlerRegistry {
  const handlers = new Map<string, DatasetHandler>();
  for (const module of moduleNames) {
    for (const handler of handlersOf(module)) {
      const { name } = handler.def;
      if (!findDataset(name)) throw new Error(`handler for ${name}: no such dataset is declared`);
      if (!datasetModules[module].includes(handler.def))
        throw new Error(`handler for ${name} is not in module ${module}`);
      if (handlers.has(name)) throw new Error(`two handlers for ${name}`);
      handlers.set(name, handler);
    }
  }
  const missing = moduleNames
    .flatMap((m) => datasetModules[m])
    .filter((def) => !handlers.has(def.name));
  if (missing.length > 0)
    throw new Error(`datasets without a handler: ${missing.map((d) => d.name).join(', ')}`);
  const enabled = new Set(modules.flatMap((m) => datasetModules[m].map((d) => d.name)));
  return new Map([...handlers].filter(([name]) => enabled.has(name)));
}
