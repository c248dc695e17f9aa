// The task flows' own verbs: the credit release (信用释放, usecases/credit.ts) — find the bound
// orders sheet's orders over the credit limit, push the ticked ones with the release — and the
// 销控表 grid pull (usecases/estate-grid.ts), and 补货建议 → 补货单 (usecases/reorder.ts). The
// task flow shows the lists; notices the rest.
import type { CreditHold, GridReport, PushReport, ReorderDraftReport } from '../app-api';
import { percentText } from '../core/estate-grid';
import { pushNotices } from './report-notices';
import { fill } from './strings';
import { taskStringsFor } from './task-strings';
import type { ActionDeps } from './use-actions';

export function taskActions({ app, strings, run, notify, locale }: ActionDeps) {
  return {
    /** The 销控表 grid, pulled or refreshed in place; null when it failed. */
    async pullGrid(): Promise<GridReport | null> {
      const report = await run(
        taskStringsFor(locale).stepNames.grid,
        (options) => app.pullGrid(options),
        {
          cancellable: true,
        },
      );
      if (report)
        notify(
          ...report.sheets.map((sheet) => ({
            intent: 'success' as const,
            text: fill(taskStringsFor(locale).gridDone, {
              sheet: sheet.sheetName,
              changed: sheet.changedCells.length,
              released: sheet.released,
              sold: sheet.sold,
              rate: percentText(sheet.sellThroughBp),
            }),
          })),
        );
      return report;
    },
    /** The held orders, or null when the check failed (a notice says why). */
    async findCreditHolds(): Promise<CreditHold[] | null> {
      const label = taskStringsFor(locale).stepNames['credit-check'];
      return run(label, (options) => app.creditHolds(options), { cancellable: true });
    },
    /** Pushes the orders of `groups` with the release; null when it failed. */
    async releaseCredit(groups: readonly string[]): Promise<PushReport | null> {
      const report = await run(
        taskStringsFor(locale).stepNames['credit-release'],
        (options) => app.releaseCredit({ ...options, groups }),
        { cancellable: true },
      );
      if (report) notify(...pushNotices(report, strings));
      return report;
    },
    /** A new 补货 orders sheet from the pulled replenishment; null when it failed. */
    async prepareReorder(input: {
      dealerCode?: string;
      shipFrom?: string;
    }): Promise<ReorderDraftReport | null> {
      const words = taskStringsFor(locale);
      const report = await run(words.stepNames.reorder, () => app.prepareReorder(input));
      if (report)
        notify({
          intent: 'success',
          text: fill(words.reorderDone, {
            sheet: report.sheetName,
            rows: report.rows,
            orders: report.orders,
          }),
        });
      return report;
    },
  };
}
