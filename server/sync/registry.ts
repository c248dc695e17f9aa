// Every dataset the server knows, by name. Features add their handlers here.
import { coreDatasets } from '../../shared/datasets';
import type { DatasetHandler } from './handler';
import { masterHandler } from '../datasets/master';

export type HandlerRegistry = ReadonlyMap<string, DatasetHandler>;

const masterNames = new Set(['regions', 'dealers', 'products', 'locations', 'staff']);

export function buildRegistry(extra: readonly DatasetHandler[] = []): HandlerRegistry {
  const handlers = new Map<string, DatasetHandler>();
  for (const def of coreDatasets) if (masterNames.has(def.name)) handlers.set(def.name, masterHandler(def));
  for (const handler of extra) handlers.set(handler.def.name, handler);
  return handlers;
}
