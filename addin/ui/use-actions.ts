// The workspace's verbs: each runs one AddinApp call through the work runner and turns its report
// into notices and the view that follows (a mapping to confirm, issues, push results).
import { useState } from 'react';
import type {
  AddinApp,
  Binding,
  CellIssue,
  ConflictInfo,
  KeptCellInfo,
  PullReport,
  PushGrants,
  PushReport,
  StatusReport,
  ValidationReport,
} from '../app-api';
import type { MetaResponse } from '../../shared/meta';
import type { PullFilter } from '../../shared/protocol';
import { useUi } from './context';
import { fieldLabel } from './datasets';
import { fill, type Strings } from './strings';
import type { Notice, WorkRunner } from './use-work';

export type View =
  | { kind: 'binding'; binding: Binding }
  | { kind: 'issues'; report: ValidationReport }
  | { kind: 'push'; report: PushReport }
  | null;

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

interface ActionDeps {
  app: AddinApp;
  strings: Strings;
  run: WorkRunner['run'];
  notify: WorkRunner['notify'];
  labelOf: (dataset: string) => string;
  fieldLabelOf: (dataset: string, field: string) => string;
  view: View;
  setView: (view: View) => void;
}

function bindingActions({ app, strings, run, notify, labelOf, setView }: ActionDeps) {
  const bindingDone = (binding: Binding, template: string) => {
    setView(null);
    notify({
      intent: 'success',
      text: fill(template, { sheet: binding.sheetName, dataset: labelOf(binding.dataset) }),
    });
  };
  return {
    async insertTemplate(dataset: string) {
      const binding = await run(strings.insertTemplate, () => app.insertTemplate(dataset));
      if (binding) bindingDone(binding, strings.templateReady);
    },
    async bindSelection(dataset: string) {
      const binding = await run(strings.bindSelection, () => app.proposeBinding(dataset));
      if (binding) setView({ kind: 'binding', binding });
    },
    async confirmBinding(edited: Binding) {
      const binding = await run(strings.confirm, () => app.confirmBinding(edited));
      if (binding) bindingDone(binding, strings.bound);
    },
  };
}

function sendActions({ app, strings, run, notify, view, setView }: ActionDeps) {
  return {
    async validate() {
      const report = await run(strings.validate, (options) => app.validate(options), {
        cancellable: true,
      });
      if (!report) return;
      const notice = validationNotice(report, strings);
      setView(report.issues.length > 0 ? { kind: 'issues', report } : null);
      notify(
        report.issues.length > 0
          ? notice
          : { intent: 'success', text: `${notice.text} ${strings.allValid}` },
      );
    },
    async selectIssue(issue: CellIssue) {
      await app.selectIssue(issue).catch(() => undefined); // a vanished sheet: nothing to select
    },
    /** The grants (`releaseCredit`, `overQuota`) hold for this push only (the send panel's boxes). */
    async push(grants: PushGrants = {}) {
      const report = await run(
        strings.push,
        (options) => app.push({ ...options, onlyValid: true, ...grants }),
        { cancellable: true },
      );
      if (!report) return;
      const listed = report.conflicts.length + (report.rejections?.length ?? 0) > 0;
      setView(listed ? { kind: 'push', report } : null);
      notify(...pushNotices(report, strings));
    },
    async resolveConflict(conflict: ConflictInfo, take: 'mine' | 'server') {
      const done = await run(take === 'mine' ? strings.keepMine : strings.takeServer, () =>
        app.resolveConflict(conflict, take).then(() => true),
      );
      if (!done || view?.kind !== 'push') return;
      const conflicts = view.report.conflicts.filter((c) => c.rowKey !== conflict.rowKey);
      const rest = conflicts.length + (view.report.rejections?.length ?? 0);
      setView(rest > 0 ? { kind: 'push', report: { ...view.report, conflicts } } : null);
      notify({
        intent: 'success',
        text: fill(strings.conflictResolved, { row: conflict.sheetRow }),
      });
    },
  };
}

function getActions({ app, strings, run, notify, labelOf, fieldLabelOf }: ActionDeps) {
  const labelsOf = (dataset: string) => ({
    dataset: labelOf(dataset),
    field: (field: string) => fieldLabelOf(dataset, field),
  });
  const refresh = async (overwriteEdits: boolean) => {
    const report = await run(
      strings.refresh,
      (options) => app.refresh({ ...options, overwriteEdits }),
      { cancellable: true },
    );
    const overwrite = overwriteEdits ? undefined : () => void refresh(true);
    if (report) notify(...pullNotices(report, strings, labelsOf(report.dataset), overwrite));
  };
  return {
    async pull(dataset: string, filter: PullFilter) {
      const report = await run(
        strings.pull,
        (options) => app.pull(dataset, { ...options, filter }),
        { cancellable: true },
      );
      if (report) notify(...pullNotices(report, strings, labelsOf(report.dataset)));
    },
    refresh: () => refresh(false),
    async refreshStatus() {
      const result = await run(strings.refreshStatus, (options) => app.refreshStatus(options), {
        cancellable: true,
      });
      if (result) notify(...statusNotices(result, strings));
    },
    async addPivot() {
      const result = await run(strings.addPivot, () => app.addPivot());
      if (result)
        notify({ intent: 'success', text: fill(strings.pivotAdded, { sheet: result.sheetName }) });
    },
    async prepareAllocations() {
      const result = await run(strings.prepareAllocations, () => app.prepareAllocations());
      if (result)
        notify({
          intent: 'success',
          text: fill(strings.allocationsReady, {
            sheet: result.sheetName,
            rows: result.rows,
            receipts: result.receipts,
          }),
        });
    },
  };
}

export function useActions(work: WorkRunner, meta: MetaResponse | null) {
  const { app, strings, locale } = useUi();
  const [view, setView] = useState<View>(null);
  const labelOf = (name: string) =>
    meta?.datasets.find((d) => d.name === name)?.label[locale] ?? name;
  const deps: ActionDeps = {
    app,
    strings,
    run: work.run,
    notify: work.notify,
    labelOf,
    fieldLabelOf: (dataset: string, field: string) => fieldLabel(meta, field, locale, dataset),
    view,
    setView,
  };
  const closeView = () => {
    setView(null);
  };
  return { view, closeView, ...bindingActions(deps), ...sendActions(deps), ...getActions(deps) };
}

export type Actions = ReturnType<typeof useActions>;
