// The notices that follow each report: what a pull, a status refresh, a push and a validation
// did, in the user's language, with the follow-up a notice may offer (overwrite edited cells).
import type {
  KeptCellInfo,
  PullReport,
  PushReport,
  StatusReport,
  ValidationReport,
} from '../app-api';
import { fill, type Strings } from './strings';
import type { Notice } from './use-work';

/** At most this many kept cells are named in the notice; the count says the rest. */
const MAX_LISTED_CELLS = 20;

/** "row 7 Safety stock (J7), …": the cells a refresh left as the user edited them. */
function keptCellsText(
  cells: readonly KeptCellInfo[],
  strings: Strings,
  fieldLabel: (field: string) => string,
): string {
  const named = cells
    .slice(0, MAX_LISTED_CELLS)
    .map((c) =>
      fill(strings.keptCell, { row: c.sheetRow, field: fieldLabel(c.field), address: c.address }),
    );
  if (cells.length > MAX_LISTED_CELLS) named.push('…');
  return fill(strings.keptCellsList, { cells: named.join(strings.listSeparator) });
}

/** `overwrite` is offered when the refresh kept cells the user had edited. */
export function pullNotices(
  report: PullReport,
  strings: Strings,
  labels: { dataset: string; field?: (field: string) => string },
  overwrite?: () => void,
): Notice[] {
  const datasetLabel = labels.dataset;
  const notices: Notice[] = [
    {
      intent: 'success',
      text: fill(strings.pullSummary, {
        dataset: datasetLabel,
        sheet: report.sheetName,
        added: report.added,
        updated: report.updated,
        removed: report.removed,
      }),
    },
  ];
  if (report.reset) notices.push({ intent: 'info', text: strings.pullReset });
  // keptEdits is what stayed as the user left it; hosts that only count edits report editedCells.
  const kept = report.keptEdits ?? report.editedCells;
  if (kept > 0) {
    const action = overwrite
      ? { action: { label: strings.overwriteEdits, testId: 'overwrite-edits', run: overwrite } }
      : {};
    const cells = report.keptCells ?? [];
    const list = cells.length > 0 ? keptCellsText(cells, strings, labels.field ?? String) : '';
    notices.push({
      intent: 'warning',
      text: fill(strings.editedCells, { count: kept }) + list,
      ...action,
    });
  }
  const unplaced = report.unplaced ?? 0;
  if (unplaced > 0)
    notices.push({ intent: 'warning', text: fill(strings.pullUnplaced, { count: unplaced }) });
  return notices;
}

export function statusNotices(report: StatusReport, strings: Strings): Notice[] {
  const notices: Notice[] = [
    { intent: 'success', text: fill(strings.statusRefreshed, { count: report.updated }) },
  ];
  if (report.unplaced > 0)
    notices.push({
      intent: 'warning',
      text: fill(strings.statusUnplaced, { count: report.unplaced }),
    });
  return notices;
}

export function pushNotices(report: PushReport, strings: Strings): Notice[] {
  const { sent, applied, unchanged, rejected } = report;
  const clean =
    rejected === 0 &&
    report.conflicts.length === 0 &&
    report.skippedInvalid === 0 &&
    report.heldBack === 0 &&
    report.unplaced === 0;
  const notices: Notice[] = [
    {
      intent: clean ? 'success' : 'warning',
      text: fill(strings.pushSummary, {
        sent,
        applied,
        unchanged,
        rejected,
        conflicts: report.conflicts.length,
      }),
    },
  ];
  if (report.skippedInvalid > 0)
    notices.push({
      intent: 'warning',
      text: fill(strings.skippedInvalid, { count: report.skippedInvalid }),
    });
  if (report.unplaced > 0)
    notices.push({ intent: 'warning', text: fill(strings.unplaced, { count: report.unplaced }) });
  if (report.cancelled) notices.push({ intent: 'info', text: strings.pushCancelled });
  return notices;
}

export function validationNotice(report: ValidationReport, strings: Strings): Notice {
  const text = fill(strings.validationSummary, {
    rows: report.rowsChecked,
    valid: report.validRows,
    invalid: report.invalidRows,
  });
  return {
    intent: report.issues.some((i) => i.severity === 'error') ? 'warning' : 'success',
    text,
  };
}
