// Start-up: wait until Office has loaded the host (Office.onReady) before the pane touches the
// workbook. Here because addin/excel/ is the only code that may name the Office global.

interface OfficeHostInfo {
  host: string | null;
  platform: string | null;
}

/** Resolves when office.js is ready; rejects with a sentence when the page runs outside Office. */
export async function waitForOffice(): Promise<OfficeHostInfo> {
  if (typeof Office === 'undefined') {
    throw new Error(
      'office.js did not load: open Sales Sync from Excel (Home › Sales Sync). / 未加载 office.js：请在 Excel 中打开销管同步（开始 › 销管同步）。',
    );
  }
  // Typed as always present, but null when the page is opened outside an Office host.
  const info = (await Office.onReady()) as {
    host: Office.HostType | null;
    platform: Office.PlatformType | null;
  };
  return {
    host: info.host === null ? null : String(info.host),
    platform: info.platform === null ? null : String(info.platform),
  };
}

/** True when the page runs inside Excel (not in a plain browser tab or another Office host). */
export function isExcelHost(info: OfficeHostInfo): boolean {
  return info.host === String(Office.HostType.Excel);
}
