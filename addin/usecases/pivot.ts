// A PivotTable over a pulled table on a new sheet: rows by region (else the first text column),
// columns by month when the table has one, values summing the amount (else the first number).
import type { Locale } from '../../shared/locale';
import type { DatasetDescription, FieldDescription } from '../../shared/meta';
import type { PivotSpec } from '../excel/port';
import { ApiError } from '../core/api-error';
import { datasetOf } from '../core/binding';
import { readAddinSettings, type PulledSheet } from '../core/settings';
import { say } from '../core/texts';
import type { UseCaseContext } from './context';

const error = (ctx: UseCaseContext, code: 'no-pulled-table' | 'nothing-to-sum') =>
  new ApiError(say(code, {}, ctx.locale()), { kind: 'request', code, status: null });

function pick(
  fields: readonly FieldDescription[],
  tests: readonly ((f: FieldDescription) => boolean)[],
): FieldDescription | undefined {
  for (const test of tests) {
    const found = fields.find(test);
    if (found) return found;
  }
  return undefined;
}

function layoutOf(dataset: DatasetDescription, pulled: PulledSheet) {
  const headerOf = new Map(
    pulled.columns.filter((c) => c.field !== null).map((c) => [c.field, c.header]),
  );
  const fields = dataset.fields.filter((f) => headerOf.has(f.name));
  const rows = pick(fields, [
    (f) => /^region/i.test(f.name),
    (f) => f.kind === 'text' || f.kind === 'code',
  ]);
  const month = fields.find((f) => /month/i.test(f.name));
  const value = pick(fields, [
    (f) => f.name === 'amount',
    (f) => f.kind === 'money',
    (f) => f.kind === 'integer',
  ]);
  const header = (f: FieldDescription | undefined) => (f ? [headerOf.get(f.name) ?? f.name] : []);
  return { rows: header(rows), columns: header(month), values: header(value) };
}

/** PivotField.applyFilter came with ExcelApi 1.12. */
const FILTER_API_MINOR = 12;

/**
 * A fact table holding several kinds of line (sales facts: ordered, shipped, returned) must not
 * sum them all together: the default is net sell-in — shipped lines plus the negative returned
 * ones (docs/returns.md) — by a filter on the kind, or the kinds split into columns where the
 * host cannot filter a pivot. Ordered stays out. The title says which.
 */
function kindSplit(
  dataset: DatasetDescription,
  pulled: PulledSheet,
  at: { locale: Locale; canFilter: boolean },
): Pick<PivotSpec, 'filters' | 'title'> & { column?: string } {
  const kind = dataset.fields.find((f) => f.name === 'kind' && f.kind === 'enum');
  const sold = (kind?.options ?? []).filter((o) => NET_KINDS.includes(o.value));
  const header = pulled.columns.find((c) => c.field === 'kind')?.header;
  if (!kind || !sold.some((o) => o.value === 'shipped') || header === undefined) return {};
  const name = dataset.label[at.locale];
  if (!at.canFilter)
    return { column: header, title: say('pivot-kinds-split', { name }, at.locale) };
  const items = sold.map((o) => o.label[at.locale]);
  const title =
    items.length === 1
      ? say('pivot-only-kind', { name, field: header, item: items[0] ?? '' }, at.locale)
      : say('pivot-net-sell-in', { name, field: header, items: items.join(' + ') }, at.locale);
  return { filters: [{ field: header, items }], title };
}

/** The kinds whose sum is net sell-in. */
const NET_KINDS: readonly string[] = ['shipped', 'returned'];

export async function addPivotFor(ctx: UseCaseContext): Promise<{ sheetName: string }> {
  const settings = await readAddinSettings(ctx.port);
  const pulls = Object.values(settings.pulls);
  // With several pulled tables, the one under the selection; reading it is the only way to ask.
  const selected =
    pulls.length > 1 ? await ctx.port.readRegion({ kind: 'selection' }).catch(() => null) : null;
  const last = settings.lastPulled === null ? undefined : settings.pulls[settings.lastPulled];
  const pulled = pulls.find((p) => p.tableName === selected?.tableName) ?? last ?? pulls[0];
  if (!pulled) throw error(ctx, 'no-pulled-table');
  const dataset = datasetOf(await ctx.meta(), pulled.dataset, ctx.locale());
  const layout = layoutOf(dataset, pulled);
  if (layout.values.length === 0) throw error(ctx, 'nothing-to-sum');
  const { excelApiMinor } = await ctx.port.readEnvironment();
  const { column, ...split } = kindSplit(dataset, pulled, {
    locale: ctx.locale(),
    canFilter: excelApiMinor >= FILTER_API_MINOR,
  });
  const spec = {
    ...layout,
    ...split,
    columns: column === undefined ? layout.columns : [column, ...layout.columns],
  };
  const sheetName = `${dataset.label[ctx.locale()]} ${ctx.locale() === 'zh-CN' ? '透视' : 'pivot'} ${shortId(ctx)}`;
  await ctx.port.addPivot({
    sourceTable: pulled.tableName,
    sheetName,
    pivotName: `ssPivot_${shortId(ctx)}`,
    ...spec,
  });
  return { sheetName };
}

const shortId = (ctx: UseCaseContext) => ctx.ids.uuid().replace(/\W/g, '').slice(0, 6);
