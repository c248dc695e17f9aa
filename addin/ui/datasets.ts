// Which datasets the pane offers: pushable ones the user's role may push (for templates, binding
// and push), pullable ones it may pull. The server checks again; this only hides dead ends.
import type { Locale } from '../../shared/locale';
import type { DatasetDescription, MetaResponse } from '../../shared/meta';
import type { Role } from '../../shared/roles';

export function pushableDatasets(meta: MetaResponse, role: Role): DatasetDescription[] {
  return meta.datasets.filter((d) => d.pushable && d.pushRoles.includes(role));
}

export function pullableDatasets(meta: MetaResponse, role: Role): DatasetDescription[] {
  return meta.datasets.filter((d) => d.pullable && d.pullRoles.includes(role));
}

/** May `role` push `dataset` (its declared push roles, from meta)? */
export function mayPush(meta: MetaResponse, dataset: string, role: Role): boolean {
  return pushableDatasets(meta, role).some((d) => d.name === dataset);
}

/** May `role` set a push option of `dataset` (e.g. orders' `releaseCredit`)? */
export function mayUseOption(
  meta: MetaResponse,
  input: { dataset: string; option: string; role: Role },
): boolean {
  const described = meta.datasets.find((d) => d.name === input.dataset);
  return described?.pushOptions[input.option]?.includes(input.role) ?? false;
}

/** The dataset to preselect: orders or stock when offered (the daily work), else the first. */
export function defaultDataset(datasets: readonly DatasetDescription[], preferred: string): string {
  return datasets.find((d) => d.name === preferred)?.name ?? datasets[0]?.name ?? '';
}

/** A field's label in the user's language, looked up in `dataset` first, then in any dataset. */
export function fieldLabel(
  meta: MetaResponse | null,
  name: string,
  locale: Locale,
  dataset?: string,
): string {
  const datasets = meta?.datasets ?? [];
  const ordered = [...datasets.filter((d) => d.name === dataset), ...datasets];
  for (const d of ordered) {
    const field = d.fields.find((f) => f.name === name);
    if (field) return field.label[locale];
  }
  return name;
}
