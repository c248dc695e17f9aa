// What the add-in keeps in the workbook's own settings, so it travels with the file: the
// workbook's id, the bindings of tables to datasets, and each pulled sheet's cursor and stamp.
// Never the token. Read back through zod: a hand-edited or older file must not crash.
import { z } from 'zod';
import { pullFilterSchema } from '../../shared/protocol';
import type { ExcelPort } from '../excel/port';

const SETTINGS_KEYS = {
  workbookId: 'salesSync.workbookId',
  bindings: 'salesSync.bindings',
  currentTable: 'salesSync.currentTable',
  pulls: 'salesSync.pulls',
  lastPulled: 'salesSync.lastPulled',
} as const;

const columnMapSchema = z.array(z.object({ header: z.string(), field: z.string().nullable() }));

const savedBindingSchema = z.object({
  dataset: z.string(),
  sheetName: z.string(),
  tableName: z.string(),
  columns: columnMapSchema,
});
export type SavedBinding = z.infer<typeof savedBindingSchema>;

const pulledSheetSchema = z.object({
  dataset: z.string(),
  sheetName: z.string(),
  tableName: z.string(),
  cursor: z.string(),
  filter: pullFilterSchema,
  refreshedAt: z.string(),
  columns: columnMapSchema,
});
export type PulledSheet = z.infer<typeof pulledSheetSchema>;

export interface AddinSettings {
  workbookId: string | null;
  bindings: Record<string, SavedBinding>;
  currentTable: string | null;
  pulls: Record<string, PulledSheet>;
  lastPulled: string | null;
}

function parsedOr<T>(schema: z.ZodType<T>, value: unknown, fallback: T): T {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : fallback;
}

const optionalText = z.string().min(1).nullable();

/** All of the add-in's settings in one port call. */
export async function readAddinSettings(port: ExcelPort): Promise<AddinSettings> {
  const raw = await port.readSettings(Object.values(SETTINGS_KEYS));
  return {
    workbookId: parsedOr(optionalText, raw[SETTINGS_KEYS.workbookId] ?? null, null),
    bindings: parsedOr(z.record(z.string(), savedBindingSchema), raw[SETTINGS_KEYS.bindings], {}),
    currentTable: parsedOr(optionalText, raw[SETTINGS_KEYS.currentTable] ?? null, null),
    pulls: parsedOr(z.record(z.string(), pulledSheetSchema), raw[SETTINGS_KEYS.pulls], {}),
    lastPulled: parsedOr(optionalText, raw[SETTINGS_KEYS.lastPulled] ?? null, null),
  };
}

/** Writes the given parts back; absent parts stay as they are. */
export async function writeAddinSettings(
  port: ExcelPort,
  patch: Partial<AddinSettings>,
): Promise<void> {
  const out: Record<string, unknown> = {};
  for (const [name, key] of Object.entries(SETTINGS_KEYS) as [keyof AddinSettings, string][]) {
    if (name in patch) out[key] = patch[name] ?? null;
  }
  await port.writeSettings(out);
}
