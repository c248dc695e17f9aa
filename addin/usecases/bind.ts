// Binding a sheet to a dataset, and templates. The proposal comes from the region around the
// selection (or its table); confirming makes it an Excel table with the system columns inside,
// so they move when the user sorts, and saves the choice in the workbook.
import type { Binding } from '../app-api';
import type { TemplateColumn } from '../excel/port';
import { datasetOf, proposeFrom, toBinding, writableFields } from '../core/binding';
import { numberFormatOf } from '../core/cell-format';
import { readAddinSettings, writeAddinSettings, type SavedBinding } from '../core/settings';
import type { UseCaseContext } from './context';
import { picksShipments, refreshDropdowns, returnExtraColumns } from './dropdowns';
import { currentSaved } from './load-table';

async function save(ctx: UseCaseContext, saved: SavedBinding): Promise<void> {
  const settings = await readAddinSettings(ctx.port);
  await writeAddinSettings(ctx.port, {
    bindings: { ...settings.bindings, [saved.tableName]: saved },
    currentTable: saved.tableName,
  });
}

export async function proposeBinding(ctx: UseCaseContext, datasetName: string): Promise<Binding> {
  const dataset = datasetOf(await ctx.meta(), datasetName, ctx.locale());
  const region = await ctx.port.readRegion({ kind: 'selection' });
  const settings = await readAddinSettings(ctx.port);
  return proposeFrom(
    region,
    dataset,
    region.tableName === null ? undefined : settings.bindings[region.tableName],
  );
}

/** A name Excel accepts for a new table (letters, digits, underscores; not like a cell address). */
function newTableName(ctx: UseCaseContext, dataset: string): string {
  return `ss_${dataset.replace(/\W/g, '_')}_${ctx.ids.uuid().replace(/\W/g, '').slice(0, 8)}`;
}

export async function confirmBinding(ctx: UseCaseContext, binding: Binding): Promise<Binding> {
  const dataset = datasetOf(await ctx.meta(), binding.dataset, ctx.locale());
  let address = binding.address;
  if (address === undefined)
    address = (await ctx.port.readRegion({ kind: 'table', tableName: binding.tableName })).address;
  const info = await ctx.port.ensureTable({
    sheetName: binding.sheetName,
    address,
    ...(binding.tableName === '' ? { tableName: newTableName(ctx, dataset.name) } : {}),
  });
  const saved: SavedBinding = {
    dataset: dataset.name,
    sheetName: info.sheetName,
    tableName: info.tableName,
    columns: binding.columns,
  };
  await save(ctx, saved);
  if (picksShipments(dataset.name)) await refreshDropdowns(ctx);
  return { ...toBinding(saved, dataset), address: info.address };
}

export async function currentBinding(ctx: UseCaseContext): Promise<Binding | null> {
  const saved = currentSaved(await readAddinSettings(ctx.port));
  if (!saved) return null;
  try {
    return toBinding(saved, datasetOf(await ctx.meta(), saved.dataset, ctx.locale()));
  } catch {
    // Signed out or offline: the binding is still the workbook's; what is missing is unknown.
    return { ...saved, missing: [] };
  }
}

export async function insertTemplate(ctx: UseCaseContext, datasetName: string): Promise<Binding> {
  const meta = await ctx.meta();
  const dataset = datasetOf(meta, datasetName, ctx.locale());
  const fields = writableFields(dataset);
  const columns: TemplateColumn[] = fields.map((field) => {
    const values = field.ref === undefined ? undefined : meta.lists[field.ref]?.map((e) => e.code);
    const list =
      field.ref !== undefined && values && values.length > 0
        ? { list: { name: field.ref, values } }
        : {};
    return { header: field.label[ctx.locale()], numberFormat: numberFormatOf(field), ...list };
  });
  const sheetName = dataset.label[ctx.locale()];
  const extras = returnExtraColumns(dataset.name, ctx.locale());
  const made = await ctx.port.createTemplateSheet({
    sheetName,
    tableName: `ss_${dataset.name}`,
    columns: [...columns, ...extras],
  });
  const info = await ctx.port.ensureTable({ sheetName: made.sheetName, address: made.address });
  const mapping: SavedBinding['columns'] = fields.map((field, i) => ({
    header: columns[i]?.header ?? field.label[ctx.locale()],
    field: field.name,
  }));
  // The extra columns (a return's SKU and shipped price) stay unbound: Validate fills them.
  for (const extra of extras) mapping.push({ header: extra.header, field: null });
  const saved: SavedBinding = {
    dataset: dataset.name,
    sheetName: info.sheetName,
    tableName: info.tableName,
    columns: mapping,
  };
  await save(ctx, saved);
  if (picksShipments(dataset.name)) await refreshDropdowns(ctx);
  return { ...toBinding(saved, dataset), address: info.address };
}
