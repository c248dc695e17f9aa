// The signed-in pane: what to send, what to get, the progress of the work running, its notices,
// and the view that follows a step (a mapping to confirm, the issues, the push's conflicts).
import { Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { Session } from '../app-api';
import type { MetaResponse } from '../../shared/meta';
import type { Role } from '../../shared/roles';
import { BindingReview } from './binding-review';
import { useUi } from './context';
import { fieldLabel } from './datasets';
import { errorSentence } from './errors';
import { IssueList } from './issue-list';
import { Notices } from './notices';
import { ProgressPanel } from './progress-panel';
import { PullPanel } from './pull-panel';
import { PushSummary } from './push-summary';
import { SendPanel } from './send-panel';
import { TaskFlow } from './task-flow';
import { TaskHome } from './task-home';
import type { TaskDef } from './tasks';
import { useActions, type Actions } from './use-actions';
import { useWork, type WorkRunner } from './use-work';

interface WorkspaceProps {
  session: Session;
  /** The add-in dropped the session (the server answered 401): back to sign-in, saying why. */
  onSessionLost: (reason: string) => void;
}

const useStyles = makeStyles({
  workspace: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** Meta (datasets, fields, lists) loaded once; a failure becomes a notice. */
function useMeta(
  notify: WorkRunner['notify'],
  describe: (error: unknown) => string,
): MetaResponse | null {
  const { app } = useUi();
  const [meta, setMeta] = useState<MetaResponse | null>(null);
  useEffect(() => {
    let live = true;
    app.meta().then(
      (loaded) => {
        if (!live) return;
        setMeta(loaded);
        // The pane opening renews the returnable-shipment dropdowns of a bound returns sheet.
        app.refreshDropdowns({ ifBound: true }).catch((error: unknown) => {
          if (live) notify({ intent: 'error', text: describe(error) });
        });
      },
      (error: unknown) => {
        if (live) notify({ intent: 'error', text: describe(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [app, describe, notify]);
  return meta;
}

export function Workspace({ session, onSessionLost }: WorkspaceProps) {
  const styles = useStyles();
  const { app, strings } = useUi();
  const describe = useCallback(
    (error: unknown) => {
      const sentence = errorSentence(error, strings, session.serverUrl);
      if (app.session() === null)
        queueMicrotask(() => {
          onSessionLost(sentence);
        });
      return sentence;
    },
    [app, strings, session.serverUrl, onSessionLost],
  );
  const work = useWork(describe);
  const meta = useMeta(work.notify, describe);
  const actions = useActions(work, meta);

  const busy = work.busy !== null;
  return (
    <div
      className={styles.workspace}
      data-testid="workspace"
      data-busy={busy}
      data-finished={work.finished}
    >
      {meta ? (
        <Place
          meta={meta}
          role={session.user.role}
          busy={busy}
          actions={actions}
          work={{ failure: work.failure, finished: work.finished }}
        />
      ) : work.notices.length === 0 ? (
        <Spinner label={strings.loading} />
      ) : null}
      {work.busy ? (
        <ProgressPanel
          label={work.busy}
          progress={work.progress}
          onCancel={work.cancellable ? work.cancel : null}
        />
      ) : null}
      <Notices notices={work.notices} onDismiss={work.dismiss} />
      <ResultView actions={actions} busy={busy} meta={meta} />
    </div>
  );
}

type Where = { kind: 'home' } | { kind: 'task'; task: TaskDef } | { kind: 'tools' };

/** Home (the user's tasks), one task's flow, or the generic tools; each a click from the others. */
function Place({
  meta,
  role,
  busy,
  actions,
  work,
}: {
  meta: MetaResponse;
  role: Role;
  busy: boolean;
  actions: Actions;
  work: { failure: string | null; finished: number };
}) {
  const { strings } = useUi();
  const [where, setWhere] = useState<Where>({ kind: 'home' });
  const home = () => {
    setWhere({ kind: 'home' });
  };
  switch (where.kind) {
    case 'home':
      return (
        <TaskHome
          meta={meta}
          role={role}
          onOpen={(task) => {
            setWhere({ kind: 'task', task });
          }}
          onTools={() => {
            setWhere({ kind: 'tools' });
          }}
        />
      );
    case 'task':
      return (
        <TaskFlow
          key={where.task.id}
          task={where.task}
          meta={meta}
          busy={busy}
          actions={actions}
          onHome={home}
          failure={work.failure}
          finished={work.finished}
        />
      );
    case 'tools':
      return (
        <>
          <SendPanel meta={meta} role={role} busy={busy} actions={actions} />
          <PullPanel meta={meta} role={role} busy={busy} actions={actions} />
          <Button onClick={home} data-testid="task-home-back">
            {strings.allTasks}
          </Button>
        </>
      );
  }
}

function ResultView({
  actions,
  busy,
  meta,
}: {
  actions: Actions;
  busy: boolean;
  meta: MetaResponse | null;
}) {
  const { locale, strings } = useUi();
  const { view } = actions;
  if (!view) return null;
  switch (view.kind) {
    case 'binding':
      return (
        <BindingReview
          key={`${view.binding.sheetName}!${view.binding.tableName}`}
          binding={view.binding}
          fields={meta?.datasets.find((d) => d.name === view.binding.dataset)?.fields ?? []}
          busy={busy}
          onConfirm={(binding) => void actions.confirmBinding(binding)}
          onCancel={actions.closeView}
        />
      );
    case 'issues':
      return (
        <IssueList
          issues={view.report.issues}
          onSelect={(issue) => void actions.selectIssue(issue)}
        />
      );
    case 'push': {
      const rejections = view.report.rejections ?? [];
      return (
        <>
          {rejections.length > 0 ? (
            <IssueList
              kind="rejected"
              title={strings.rejectedTitle}
              issues={rejections}
              onSelect={(issue) => void actions.selectIssue(issue)}
            />
          ) : null}
          {view.report.conflicts.length > 0 ? (
            <PushSummary
              conflicts={view.report.conflicts}
              busy={busy}
              labelOf={(field) => fieldLabel(meta, field, locale)}
              onResolve={(conflict, take) => void actions.resolveConflict(conflict, take)}
            />
          ) : null}
        </>
      );
    }
  }
}
