// The workspace's verbs: each runs one AddinApp call through the work runner and turns its report
// into notices and the view that follows (a mapping to confirm, issues, push results).
import { useState } from 'react';
import type {
  AddinApp,
  Binding,
  CellIssue,
  ConflictInfo,
  PushGrants,
  PushReport,
  ValidationReport,
} from '../app-api';
import type { Locale } from '../../shared/locale';
import type { MetaResponse } from '../../shared/meta';
import type { PullFilter } from '../../shared/protocol';
import { useUi } from './context';
import { fieldLabel } from './datasets';
import { taskActions } from './task-actions';
import { pullNotices, pushNotices, statusNotices, validationNotice } from './report-notices';
import { fill, type Strings } from './strings';
import type { WorkRunner } from './use-work';

export { pullNotices, pushNotices, statusNotices, validationNotice };

/** How a task step ended: done, ran but left rows with problems, or failed (a notice says why). */
export type StepOutcome =
  { kind: 'done' } | { kind: 'problems'; count: number } | { kind: 'failed' };

const DONE: StepOutcome = { kind: 'done' };
const FAILED: StepOutcome = { kind: 'failed' };
const doneIf = (result: unknown): StepOutcome => (result === null ? FAILED : DONE);

/** Rows a push left undone: refused, in conflict, skipped as invalid or held with their order. */
export function pushProblems(report: PushReport): number {
  return report.rejected + report.conflicts.length + report.skippedInvalid + report.heldBack;
}

type View =
  | { kind: 'binding'; binding: Binding }
  | { kind: 'issues'; report: ValidationReport }
  | { kind: 'push'; report: PushReport }
  | null;

export interface ActionDeps {
  app: AddinApp;
  strings: Strings;
  locale: Locale;
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
    async insertTemplate(dataset: string): Promise<StepOutcome> {
      const binding = await run(strings.insertTemplate, () => app.insertTemplate(dataset));
      if (binding) bindingDone(binding, strings.templateReady);
      return doneIf(binding);
    },
    async bindSelection(dataset: string): Promise<StepOutcome> {
      const binding = await run(strings.bindSelection, () => app.proposeBinding(dataset));
      if (binding) setView({ kind: 'binding', binding });
      return doneIf(binding);
    },
    async confirmBinding(edited: Binding): Promise<StepOutcome> {
      const binding = await run(strings.confirm, () => app.confirmBinding(edited));
      if (binding) bindingDone(binding, strings.bound);
      return doneIf(binding);
    },
  };
}

function sendActions({ app, strings, run, notify, view, setView }: ActionDeps) {
  return {
    async validate(): Promise<StepOutcome> {
      const report = await run(strings.validate, (options) => app.validate(options), {
        cancellable: true,
      });
      if (!report) return FAILED;
      const notice = validationNotice(report, strings);
      setView(report.issues.length > 0 ? { kind: 'issues', report } : null);
      notify(
        report.issues.length > 0
          ? notice
          : { intent: 'success', text: `${notice.text} ${strings.allValid}` },
      );
      return report.invalidRows > 0 ? { kind: 'problems', count: report.invalidRows } : DONE;
    },
    async selectIssue(issue: CellIssue) {
      await app.selectIssue(issue).catch(() => undefined); // a vanished sheet: nothing to select
    },
    /** The grants (`releaseCredit`, `overQuota`) hold for this push only (the send panel's boxes). */
    async push(grants: PushGrants = {}): Promise<StepOutcome> {
      const report = await run(
        strings.push,
        (options) => app.push({ ...options, onlyValid: true, ...grants }),
        { cancellable: true },
      );
      if (!report) return FAILED;
      const listed = report.conflicts.length + (report.rejections?.length ?? 0) > 0;
      setView(listed ? { kind: 'push', report } : null);
      notify(...pushNotices(report, strings));
      if (report.cancelled) return FAILED;
      const count = pushProblems(report);
      return count > 0 ? { kind: 'problems', count } : DONE;
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
    async pull(dataset: string, filter: PullFilter): Promise<StepOutcome> {
      const report = await run(
        strings.pull,
        (options) => app.pull(dataset, { ...options, filter }),
        { cancellable: true },
      );
      if (report) notify(...pullNotices(report, strings, labelsOf(report.dataset)));
      return doneIf(report);
    },
    refresh: () => refresh(false),
    async refreshStatus(): Promise<StepOutcome> {
      const result = await run(strings.refreshStatus, (options) => app.refreshStatus(options), {
        cancellable: true,
      });
      if (result) notify(...statusNotices(result, strings));
      return doneIf(result);
    },
    async refreshDropdowns(): Promise<StepOutcome> {
      const result = await run(strings.refreshDropdowns, (options) =>
        app.refreshDropdowns(options),
      );
      if (result)
        notify({ intent: 'success', text: fill(strings.dropdownsRefreshed, { ...result }) });
      return doneIf(result);
    },
    async addPivot(): Promise<StepOutcome> {
      const result = await run(strings.addPivot, () => app.addPivot());
      if (result)
        notify({ intent: 'success', text: fill(strings.pivotAdded, { sheet: result.sheetName }) });
      return doneIf(result);
    },
    async prepareAllocations(): Promise<StepOutcome> {
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
      return doneIf(result);
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
    locale,
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
  return {
    view,
    closeView,
    ...bindingActions(deps),
    ...sendActions(deps),
    ...getActions(deps),
    ...taskActions(deps),
  };
}

export type Actions = ReturnType<typeof useActions>;
