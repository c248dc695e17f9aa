// Push: only rows that changed since their last push or pull, valid ones unless asked otherwise;
// keys given to new rows are written first so a retry after a lost answer reuses them; chunks
// sent by the engine; every result written back in one write.
import { limits as defaultLimits } from '../../shared/protocol';
import type { PushReport, WorkOptions } from '../app-api';
import { isChanged, planPushChunks, toPushRow, chunkKey, type PushLimits, type PushRow } from '../core/push-plan';
import { sendChunks } from '../core/push-engine';
import { resultWrite } from '../core/push-results';
import { KEY_COLUMN, STATUS_COLUMN, stateTextColumns } from '../core/row-state';
import { checkTable } from '../core/validate-rows';
import type { UseCaseContext } from './context';
import { checkInputOf, loadBoundTable, type LoadedTable } from './load-table';

/** Leaves room for the request's envelope under the server's body limit. */
const BODY_SHARE = 0.9;

async function pushLimits(ctx: UseCaseContext): Promise<PushLimits> {
  const published = (await ctx.meta()).limits;
  const maxRows = published.maxMutationsPerPush ?? defaultLimits.maxMutationsPerPush;
  const maxBody = published.maxBodyBytes ?? defaultLimits.maxBodyBytes;
  return { maxRows, maxBytes: Math.floor(maxBody * BODY_SHARE) };
}

/** New rows get their `_key` before anything is sent: a retry then sends the same row key. */
async function writeNewKeys(ctx: UseCaseContext, table: LoadedTable, rows: readonly PushRow[]): Promise<void> {
  const updates = rows.filter((r) => r.isNewKey).map((r) => ({ row: r.row, values: [r.rowKey] }));
  if (updates.length === 0) return;
  await ctx.port.writeRows({ tableName: table.binding.tableName, columns: [KEY_COLUMN], textColumns: [KEY_COLUMN], updates });
}

export async function pushTable(ctx: UseCaseContext, options: WorkOptions & { onlyValid?: boolean } = {}): Promise<PushReport> {
  const table = await loadBoundTable(ctx);
  const check = checkTable(await checkInputOf(ctx, table));
  const onlyValid = options.onlyValid ?? true;
  const changed = check.rows.filter(isChanged);
  const invalid = onlyValid ? changed.filter((r) => !r.valid) : [];
  const clientId = ctx.clientId();
  const context = { dataset: table.dataset.name, clientId, newKey: () => ctx.ids.uuid() };
  const rows = changed.filter((r) => r.valid || !onlyValid).map((r) => toPushRow(r, context));
  await writeNewKeys(ctx, table, rows);
  const attempt = ctx.ids.uuid();
  const outcome = await sendChunks(
    ctx.api,
    {
      chunks: planPushChunks(table.dataset.name, rows, await pushLimits(ctx)),
      envelope: { workbookId: await ctx.workbookId(), clientId, dataset: table.dataset.name },
      keyOf: (chunk) => chunkKey(attempt, chunk),
      onProgress: options.onProgress,
      signal: options.signal,
    },
    ctx.retry,
  );
  const pushFields = table.columns.map((fc) => fc.field.name);
  const write = resultWrite({ layout: table.layout, locale: ctx.locale(), view: table.view, pushFields }, rows, outcome.results, invalid);
  if (write.updates.length > 0) {
    const columns = [STATUS_COLUMN, ...table.layout.columns];
    const textColumns = [STATUS_COLUMN, ...stateTextColumns(table.layout)];
    await ctx.port.writeRows({ tableName: table.binding.tableName, columns, textColumns, updates: write.updates });
  }
  if (outcome.error) throw outcome.error;
  const { applied, unchanged, rejected } = write.counts;
  const conflicts = write.conflicts;
  return { sent: outcome.sent, applied, unchanged, rejected, conflicts, skippedInvalid: invalid.length, cancelled: outcome.cancelled };
}
