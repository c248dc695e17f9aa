// Workbook settings and the host environment. Settings are the document's own key/value store
// (Office.context.document.settings): they travel with the workbook, which is what the binding,
// workbookId, filters and last-pull metadata need. Never the token: a workbook is mailed around.

import type { ExcelEnvironment, SettingsPatch, ThemeColors } from './port';
import { supportedExcelApiMinor } from './office-run';

export function readSettings(keys: readonly string[]): Promise<Record<string, unknown>> {
  const settings = Office.context.document.settings;
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = (settings.get(key) as unknown) ?? null;
  return Promise.resolve(out);
}

export async function writeSettings(patch: SettingsPatch): Promise<void> {
  const settings = Office.context.document.settings;
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || value === undefined) settings.remove(key);
    else settings.set(key, value);
  }
  // Without saveAsync the values live only until the document closes.
  await new Promise<void>((resolve, reject) => {
    settings.saveAsync((result) => {
      if (result.status === Office.AsyncResultStatus.Failed) {
        reject(new Error(result.error.message));
      } else resolve();
    });
  });
}

function readTheme(): ThemeColors | null {
  // officeTheme is missing on some hosts (Excel on Mac before 16.x); the pane then uses its own.
  const theme = (Office.context as { officeTheme?: Office.OfficeTheme }).officeTheme;
  if (!theme) return null;
  return {
    bodyBackgroundColor: theme.bodyBackgroundColor,
    bodyForegroundColor: theme.bodyForegroundColor,
    controlBackgroundColor: theme.controlBackgroundColor,
    controlForegroundColor: theme.controlForegroundColor,
  };
}

export function readEnvironment(): Promise<ExcelEnvironment> {
  return Promise.resolve({
    displayLanguage: Office.context.displayLanguage,
    theme: readTheme(),
    excelApiMinor: supportedExcelApiMinor(),
  });
}
