// Binding a sheet region to a dataset: headers mapped through the meta's labels and synonyms
// (shared/headers.ts), the user's confirmed choice saved in the workbook, and the field ↔ column
// lookup every use case starts from.
import { mapHeaders } from '../../shared/headers';
import type { Locale } from '../../shared/locale';
import type { DatasetDescription, FieldDescription, MetaResponse } from '../../shared/meta';
import type { Binding } from '../app-api';
import type { SheetRegion } from '../excel/port';
import { ApiError } from './api-error';
import type { FieldColumn } from './row-values';
import { sortFieldColumns } from './row-values';
import type { SavedBinding } from './settings';
import type { TableView } from './table-view';
import { say } from './texts';

export function datasetOf(meta: MetaResponse, name: string, locale: Locale): DatasetDescription {
  const found = meta.datasets.find((d) => d.name === name);
  if (found) return found;
  throw new ApiError(say('unknown-dataset', { dataset: name }, locale), {
    kind: 'request',
    code: 'unknown-dataset',
    status: null,
  });
}

const isSystem = (header: string) => header.startsWith('_');

/** A proposed mapping; a saved binding of the same table and dataset wins where it still applies. */
export function proposeFrom(
  region: SheetRegion,
  dataset: DatasetDescription,
  saved: SavedBinding | undefined,
): Binding {
  const headers = region.headers.filter((h) => h !== '' && !isSystem(h));
  const auto = mapHeaders(headers, dataset.fields);
  const previous =
    saved?.dataset === dataset.name
      ? new Map(saved.columns.map((c) => [c.header, c.field]))
      : new Map<string, string | null>();
  const columns = headers.map((header, i) => ({
    header,
    field: previous.has(header) ? (previous.get(header) ?? null) : (auto.columns[i] ?? null),
  }));
  return {
    dataset: dataset.name,
    sheetName: region.sheetName,
    tableName: region.tableName ?? '',
    columns,
    missing: missingFields(columns, dataset.fields),
    address: region.address,
  };
}

/** Required, writable fields no column holds and no default fills: the sheet needs them. */
export function missingFields(
  columns: Binding['columns'],
  fields: readonly FieldDescription[],
): string[] {
  const taken = new Set(columns.map((c) => c.field));
  return fields
    .filter((f) => f.required && !f.readOnly && !taken.has(f.name) && f.default === undefined)
    .map((f) => f.name);
}

/** Writable fields no column holds that a default fills (order type 常规, the dealer price). */
export function defaultedFields(
  columns: Binding['columns'],
  fields: readonly FieldDescription[],
): FieldDescription[] {
  const taken = new Set(columns.map((c) => c.field));
  return fields.filter((f) => !f.readOnly && !taken.has(f.name) && f.default !== undefined);
}

/** "订单类型（常规）", "单价（经销价）": a defaulted field and what it will take. */
export function describeDefault(field: FieldDescription, locale: Locale): string {
  const rule = field.default;
  if (!rule) return field.label[locale];
  const taken =
    'value' in rule
      ? (field.options?.find((o) => o.value === rule.value)?.label[locale] ?? String(rule.value))
      : rule.label[locale];
  return locale === 'zh-CN'
    ? `${field.label[locale]}（${taken}）`
    : `${field.label[locale]} (${taken})`;
}

export function toBinding(saved: SavedBinding, dataset: DatasetDescription): Binding {
  return { ...saved, missing: missingFields(saved.columns, dataset.fields) };
}

/** The table's columns holding the dataset's fields (writable ones only when pushing). */
export function fieldColumnsOf(
  view: TableView,
  columns: readonly { header: string; field: string | null }[],
  fields: readonly FieldDescription[],
): FieldColumn[] {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const out: FieldColumn[] = [];
  const seen = new Set<string>();
  for (const { header, field } of columns) {
    const description = field === null ? undefined : byName.get(field);
    const column = view.columnOf(header);
    if (!description || column < 0 || seen.has(description.name)) continue;
    seen.add(description.name);
    out.push({ field: description, column });
  }
  return sortFieldColumns(out);
}

export function writableFields(dataset: DatasetDescription): FieldDescription[] {
  return dataset.fields.filter((f) => !f.readOnly);
}
