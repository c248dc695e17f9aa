// What a task flow shows as pending on the bound table: rows changed since their last push or
// pull (push-plan.ts's rule, the rows the next push sends), and rows with a problem — those the
// offline check finds wrong now, and those the server refused on their last push (row-state.ts's
// refused mark). One read of the table, nothing written. docs/architecture.md, "Task flows".
import type { PendingReport } from '../app-api';
import { isChanged } from '../core/push-plan';
import { readAddinSettings } from '../core/settings';
import { checkTable } from '../core/validate-rows';
import type { UseCaseContext } from './context';
import { checkInputOf, currentSaved, loadBoundTable } from './load-table';

/** The bound table's pending rows; null when no table of `dataset` is bound (nothing to count). */
export async function pendingRows(
  ctx: UseCaseContext,
  dataset: string,
): Promise<PendingReport | null> {
  const saved = currentSaved(await readAddinSettings(ctx.port));
  if (saved?.dataset !== dataset) return null;
  const table = await loadBoundTable(ctx);
  const check = checkTable(checkInputOf(ctx, table));
  const changed = check.rows.filter(isChanged);
  const invalid = check.rows.filter((r) => !r.valid);
  const refused = check.rows.filter((r) => r.state.refused === true);
  const problems = new Set([...invalid, ...refused].map((r) => r.row));
  return {
    dataset,
    sheetName: table.binding.sheetName,
    rows: check.rows.length,
    changed: changed.length,
    invalid: invalid.length,
    refused: refused.length,
    problems: problems.size,
  };
}
