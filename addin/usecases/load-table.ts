// Loads the bound table for validate, push, conflicts and status: its binding, the dataset's
// description and schema, one read of the table, and the field ↔ column lookup.
import type { RowRule, RowSchema } from '../../shared/dataset-def';
import { findDataset } from '../../shared/registry';
import type { DatasetDescription, MetaResponse } from '../../shared/meta';
import { ApiError } from '../core/api-error';
import { datasetOf, fieldColumnsOf, writableFields } from '../core/binding';
import { refChecker, ruleContextOf } from '../core/refs';
import type { FieldColumn } from '../core/row-values';
import { stateLayout, type StateLayout } from '../core/row-state';
import { readAddinSettings, type AddinSettings, type SavedBinding } from '../core/settings';
import { viewOf, type TableView } from '../core/table-view';
import { say } from '../core/texts';
import type { CheckInput } from '../core/validate-rows';
import type { UseCaseContext } from './context';

export interface LoadedTable {
  readonly meta: MetaResponse;
  readonly settings: AddinSettings;
  readonly binding: SavedBinding;
  readonly dataset: DatasetDescription;
  readonly view: TableView;
  readonly layout: StateLayout;
  /** The writable fields' columns, sorted by field name. */
  readonly columns: FieldColumn[];
  readonly schema: RowSchema | undefined;
  /** The dataset's row rules (DatasetDef.rules), run offline over meta's lists. */
  readonly rules: readonly RowRule[];
}

export function currentSaved(settings: AddinSettings): SavedBinding | null {
  return settings.currentTable === null ? null : (settings.bindings[settings.currentTable] ?? null);
}

export async function loadBoundTable(ctx: UseCaseContext): Promise<LoadedTable> {
  const settings = await readAddinSettings(ctx.port);
  const binding = currentSaved(settings);
  if (!binding)
    throw new ApiError(say('no-binding', {}, ctx.locale()), {
      kind: 'request',
      code: 'no-binding',
      status: null,
    });
  const meta = await ctx.meta();
  const dataset = datasetOf(meta, binding.dataset, ctx.locale());
  const region = await ctx.port.readRegion({ kind: 'table', tableName: binding.tableName });
  const view = viewOf(region);
  // The dataset's declaration, bundled with the pane: the same schema and rules the server runs.
  const def = findDataset(dataset.name);
  return {
    meta,
    settings,
    binding,
    dataset,
    view,
    layout: stateLayout(view),
    columns: fieldColumnsOf(view, binding.columns, writableFields(dataset)),
    schema: def?.push?.schema,
    rules: def?.rules ?? [],
  };
}

/** The validation input for a loaded table: its own codes count as known for self-references. */
export function checkInputOf(ctx: UseCaseContext, table: LoadedTable): CheckInput {
  const keyColumn =
    table.columns.find((fc) => fc.field.name === table.dataset.naturalKey)?.column ?? -1;
  const own = new Set<string>();
  if (keyColumn >= 0)
    for (let row = 0; row < table.view.rowCount; row += 1)
      own.add(String(table.view.cell(row, keyColumn) ?? ''));
  return {
    view: table.view,
    layout: table.layout,
    columns: table.columns,
    dataset: table.dataset,
    schema: table.schema,
    refs: refChecker(table.meta, table.dataset, own),
    rules: table.rules,
    ruleContext: ruleContextOf(table.meta, ctx.role()),
    locale: ctx.locale(),
  };
}
