// The credit release's verbs (信用释放, usecases/credit.ts): find the bound orders sheet's orders
// over the credit limit, and push the ticked ones with the release. The task flow shows the list
// and each row's result; the notices say what the push did, as for any push.
import type { CreditHold, PushReport } from '../app-api';
import { pushNotices } from './report-notices';
import type { ActionDeps } from './use-actions';

export function creditActions({ app, strings, run, notify }: ActionDeps) {
  return {
    /** The held orders, or null when the check failed (a notice says why). */
    async findCreditHolds(): Promise<CreditHold[] | null> {
      return run(strings.validate, (options) => app.creditHolds(options), { cancellable: true });
    },
    /** Pushes the orders of `groups` with the release; null when it failed. */
    async releaseCredit(groups: readonly string[]): Promise<PushReport | null> {
      const report = await run(
        strings.push,
        (options) => app.releaseCredit({ ...options, groups }),
        { cancellable: true },
      );
      if (report) notify(...pushNotices(report, strings));
      return report;
    },
  };
}
