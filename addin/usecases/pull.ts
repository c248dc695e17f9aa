// Pull a dataset into its own sheet (an Excel table with typed columns and localized headers),
// and refresh it later with only the changes since its cursor. The cursor, filter and stamp are
// kept in the workbook's settings, per dataset.
import type { DatasetDescription } from '../../shared/meta';
import type { PullFilter } from '../../shared/protocol';
import type { PullReport, WorkOptions } from '../app-api';
import { MissingTableError, type SheetRegion } from '../excel/port';
import { cellAddress } from '../excel/a1';
import { ApiError } from '../core/api-error';
import { datasetOf } from '../core/binding';
import { numberFormatOf } from '../core/cell-format';
import { readAddinSettings, writeAddinSettings, type PulledSheet } from '../core/settings';
import { say } from '../core/texts';
import type { UseCaseContext } from './context';
import { applyPulled, stampTable } from './pull-apply';
import { fetchPull, type Fetched } from './pull-fetch';

async function createPullSheet(
  ctx: UseCaseContext,
  datasetName: string,
): Promise<Pick<PulledSheet, 'sheetName' | 'tableName' | 'columns'>> {
  const dataset = datasetOf(await ctx.meta(), datasetName, ctx.locale());
  const columns = dataset.fields.map((f) => ({
    header: f.label[ctx.locale()],
    numberFormat: numberFormatOf(f),
  }));
  const made = await ctx.port.createTemplateSheet({
    sheetName: dataset.label[ctx.locale()],
    tableName: `ss_pull_${datasetName}`,
    columns,
    preparedRows: 1,
  });
  const info = await ctx.port.ensureTable({
    sheetName: made.sheetName,
    address: made.address,
    hideStatus: true,
  });
  const mapping = dataset.fields.map((f, i) => ({
    header: columns[i]?.header ?? f.name,
    field: f.name,
  }));
  return { sheetName: info.sheetName, tableName: info.tableName, columns: mapping };
}

interface RunInput {
  pulled: Omit<PulledSheet, 'cursor' | 'refreshedAt'> & { cursor?: string };
  region: SheetRegion;
  overwriteEdits: boolean;
}

/** The cursor, filter and stamp go to the workbook once the rows are in. */
async function remember(ctx: UseCaseContext, saved: PulledSheet): Promise<void> {
  const settings = await readAddinSettings(ctx.port);
  await writeAddinSettings(ctx.port, {
    pulls: { ...settings.pulls, [saved.dataset]: saved },
    lastPulled: saved.dataset,
  });
}

const NOTHING = { added: 0, updated: 0, removed: 0, editedCells: 0, keptEdits: 0, unplaced: 0 };

/** Writes fetched rows into the table, stamps it, and keeps the cursor in the workbook. */
async function applyFetched(
  ctx: UseCaseContext,
  input: RunInput & { fetched: Fetched; dataset: DatasetDescription },
) {
  const { pulled, region, fetched } = input;
  const full = pulled.cursor === undefined || fetched.reset;
  const overwriteEdits = input.overwriteEdits || full;
  const rows = fetched.rows;
  const plan = await applyPulled(ctx, {
    region,
    pulled,
    dataset: input.dataset,
    rows,
    full,
    overwriteEdits,
  });
  const now = ctx.clock.now();
  await stampTable(ctx, region, now);
  // Kept edits mean skipped changes: keep the old cursor so the next refresh offers them again.
  const cursor = plan.keptEdits > 0 && pulled.cursor !== undefined ? pulled.cursor : fetched.cursor;
  const refreshedAt = now.toISOString();
  await remember(ctx, { ...pulled, sheetName: region.sheetName, cursor, refreshedAt });
  const { editedCells, keptEdits, unplaced } = plan;
  const counts = {
    added: plan.appends.length,
    updated: plan.updates.length,
    removed: plan.deletes.length,
  };
  const { row: top, column: left } = region.origin;
  const keptCells = plan.keptCells.map((c) => ({
    address: cellAddress(top + 1 + c.row, left + c.column),
    sheetRow: top + 2 + c.row,
    field: c.field,
  }));
  return { ...counts, editedCells, keptEdits, keptCells, unplaced, refreshedAt };
}

async function run(
  ctx: UseCaseContext,
  input: RunInput,
  options: WorkOptions,
): Promise<PullReport> {
  const { pulled, region } = input;
  const dataset = datasetOf(await ctx.meta(), pulled.dataset, ctx.locale());
  const query = { dataset: dataset.name, cursor: pulled.cursor, filter: pulled.filter };
  const fetched = await fetchPull(ctx, query, options);
  const base = {
    dataset: dataset.name,
    sheetName: region.sheetName,
    tableName: pulled.tableName,
    reset: fetched.reset,
  };
  if (fetched.cancelled) return { ...base, ...NOTHING, refreshedAt: '', cancelled: true };
  return { ...base, ...(await applyFetched(ctx, { ...input, fetched, dataset })) };
}

type SheetOf = Pick<PulledSheet, 'sheetName' | 'tableName' | 'columns'>;

/**
 * The pulled table as it is now; a new sheet when the user deleted the old one (or its table),
 * so a deleted sheet never breaks the pull for good.
 */
async function readPulledTable(
  ctx: UseCaseContext,
  datasetName: string,
  existing: SheetOf | undefined,
): Promise<{ sheet: SheetOf; region: SheetRegion; remade: boolean }> {
  if (existing) {
    try {
      const region = await ctx.port.readRegion({ kind: 'table', tableName: existing.tableName });
      return { sheet: existing, region, remade: false };
    } catch (error) {
      if (!(error instanceof MissingTableError)) throw error;
    }
  }
  const sheet = await createPullSheet(ctx, datasetName);
  const region = await ctx.port.readRegion({ kind: 'table', tableName: sheet.tableName });
  return { sheet, region, remade: existing !== undefined };
}

/** Pulls everything that matches into the dataset's pulled sheet, made on first use. */
export async function pullDataset(
  ctx: UseCaseContext,
  datasetName: string,
  options: WorkOptions & { filter?: PullFilter } = {},
): Promise<PullReport> {
  datasetOf(await ctx.meta(), datasetName, ctx.locale());
  const existing = (await readAddinSettings(ctx.port)).pulls[datasetName];
  const filter = options.filter ?? existing?.filter ?? {};
  const { sheet, region } = await readPulledTable(ctx, datasetName, existing);
  const pulled = {
    dataset: datasetName,
    sheetName: sheet.sheetName,
    tableName: sheet.tableName,
    columns: sheet.columns,
    filter,
  };
  return run(ctx, { pulled, region, overwriteEdits: true }, options);
}

async function pulledUnderSelection(
  ctx: UseCaseContext,
): Promise<{ pulled: RunInput['pulled']; region: SheetRegion }> {
  const settings = await readAddinSettings(ctx.port);
  const byTable = (name: string | null) =>
    Object.values(settings.pulls).find((p) => p.tableName === name);
  const selected = await ctx.port.readRegion({ kind: 'selection' }).catch(() => null);
  const hit = selected ? byTable(selected.tableName) : undefined;
  if (hit && selected) return { pulled: hit, region: selected };
  const last = settings.lastPulled === null ? undefined : settings.pulls[settings.lastPulled];
  if (!last)
    throw new ApiError(say('no-pulled-table', {}, ctx.locale()), {
      kind: 'request',
      code: 'no-pulled-table',
      status: null,
    });
  const { sheet, region, remade } = await readPulledTable(ctx, last.dataset, last);
  // A new sheet starts from nothing: a full pull, not the changes since the old sheet's cursor.
  const { cursor: _old, ...rest } = last;
  return { pulled: remade ? { ...rest, ...sheet } : last, region };
}

/** Refreshes the selected pulled table (else the last pulled) with the changes since its cursor. */
export async function refreshPulled(
  ctx: UseCaseContext,
  options: WorkOptions & { overwriteEdits?: boolean } = {},
): Promise<PullReport> {
  const { pulled, region } = await pulledUnderSelection(ctx);
  return run(ctx, { pulled, region, overwriteEdits: options.overwriteEdits ?? false }, options);
}
