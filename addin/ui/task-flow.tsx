// A task as a short numbered flow — where the user is (aria-current="step"), what is done, what
// is pending on the bound sheet and what to do next — whose steps run the same actions as the
// generic tools. A step that fails or leaves rows with problems does not count as done: the flow
// stays on it and says why and what to do, in the user's language.
import { Button, Caption1, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { MetaResponse } from '../../shared/meta';
import type { CreditHold, PendingReport, RowOutcome } from '../app-api';
import { useUi } from './context';
import { CreditHoldList, ReleaseResults } from './credit-panel';
import { noPick, ReorderChoice, reorderInput, type ReorderPick } from './reorder-choice';
import { fill } from './strings';
import { TaskPending } from './task-pending';
import { taskStringsFor } from './task-strings';
import type { StepKind, TaskDef, TaskStep } from './tasks';
import { pushProblems, type Actions, type StepOutcome } from './use-actions';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  step: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  current: { fontWeight: tokens.fontWeightSemibold },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  stuck: { color: tokens.colorPaletteRedForeground1 },
});

interface TaskFlowProps {
  task: TaskDef;
  /** The dropdown lists (the 补货 order step's dealers and locations). */
  meta: MetaResponse;
  busy: boolean;
  actions: Actions;
  onHome: () => void;
  /** Why the last piece of work failed (the work runner's), in the user's language. */
  failure: string | null;
  /** Counts finished work: the pending rows are read again after each. */
  finished: number;
}

/** The credit release's state, owned by the flow: the held orders, the ticked ones, the results. */
interface Credit {
  holds: CreditHold[] | null;
  ticked: ReadonlySet<string>;
  results: RowOutcome[] | null;
}

const sending: ReadonlySet<StepKind> = new Set(['sheet', 'bind', 'validate', 'push', 'reorder']);

/** The pending rows of the task's sheet, read again whenever a piece of work finishes. */
function usePending(task: TaskDef, finished: number): PendingReport | null {
  const { app } = useUi();
  const [pending, setPending] = useState<PendingReport | null>(null);
  const datasets = [
    ...new Set(task.steps.filter((s) => sending.has(s.kind)).map((s) => s.dataset)),
  ];
  const key = datasets.join(',');
  useEffect(() => {
    if (key === '') return;
    let live = true;
    const read = async () => {
      for (const dataset of key.split(',')) {
        const found = await app.pending(dataset).catch(() => null);
        if (found) return found;
      }
      return null;
    };
    void read().then((found) => {
      if (live) setPending(found);
    });
    return () => {
      live = false;
    };
  }, [app, key, finished]);
  return key === '' ? null : pending;
}

/** Runs a step through the workspace's actions (the generic tools' own verbs). */
async function runStep(
  actions: Actions,
  step: TaskStep,
  input: {
    how?: 'template' | 'bind';
    credit: Credit;
    setCredit: (next: Credit) => void;
    reorder: ReorderPick;
  },
): Promise<StepOutcome> {
  switch (step.kind) {
    case 'sheet':
      return input.how === 'bind'
        ? actions.bindSelection(step.dataset)
        : actions.insertTemplate(step.dataset);
    case 'bind':
      return actions.bindSelection(step.dataset);
    case 'validate':
      return actions.validate();
    case 'push':
      return actions.push();
    case 'status':
      return actions.refreshStatus();
    case 'pull':
      return actions.pull(step.dataset, {});
    case 'pivot':
      return actions.addPivot();
    case 'allocations':
      return actions.prepareAllocations();
    case 'grid':
      return (await actions.pullGrid()) ? { kind: 'done' } : { kind: 'failed' };
    case 'reorder':
      return (await actions.prepareReorder(reorderInput(input.reorder)))
        ? { kind: 'done' }
        : { kind: 'failed' };
    case 'credit-check': {
      const holds = await actions.findCreditHolds();
      if (!holds) return { kind: 'failed' };
      input.setCredit({ holds, ticked: new Set(), results: null });
      return { kind: 'done' };
    }
    case 'credit-release': {
      const groups = [...input.credit.ticked];
      const report = await actions.releaseCredit(groups);
      if (!report) return { kind: 'failed' };
      const count = pushProblems(report);
      const holds = (input.credit.holds ?? []).filter(
        (h) => count > 0 || !groups.includes(h.group),
      );
      input.setCredit({ holds, ticked: new Set(), results: report.rows ?? [] });
      return count > 0 ? { kind: 'problems', count } : { kind: 'done' };
    }
  }
}

type Stuck = { index: number; outcome: Exclude<StepOutcome, { kind: 'done' }> } | null;

export function TaskFlow(props: TaskFlowProps) {
  const { task, meta, busy, actions, onHome, failure, finished } = props;
  const styles = useStyles();
  const { strings, locale } = useUi();
  const words = taskStringsFor(locale);
  const [at, setAt] = useState(0);
  const [stuck, setStuck] = useState<Stuck>(null);
  const [credit, setCredit] = useState<Credit>({ holds: null, ticked: new Set(), results: null });
  const [reorder, setReorder] = useState<ReorderPick>(noPick);
  const pending = usePending(task, finished);
  const run = (index: number, how?: 'template' | 'bind') => {
    const step = task.steps[index];
    if (!step) return;
    const input = { ...(how ? { how } : {}), credit, setCredit, reorder };
    void runStep(actions, step, input).then((outcome) => {
      if (outcome.kind === 'done') {
        setStuck(null);
        setAt((current) => Math.max(current, index + 1));
      } else {
        // Not done: the flow does not move past it (an earlier step run again becomes current).
        setStuck({ index, outcome });
        setAt((current) => Math.min(current, index));
      }
    });
  };
  const next = task.steps[at];
  const stepName = (step: TaskStep) => words.stepNames[step.kind];
  const stuckText = (kind: StepKind, outcome: NonNullable<Stuck>['outcome']) =>
    outcome.kind === 'failed'
      ? `${fill(words.stepFailed, { error: failure ?? '' })} ${words.stepFix[kind]}`
      : fill(words.stepProblems[kind] ?? words.stepProblems.validate ?? '', {
          count: outcome.count,
        });
  const hasCredit = task.steps.some((s) => s.kind === 'credit-check');
  return (
    <section className={styles.panel} aria-labelledby="task-title" data-testid="task-flow">
      <Subtitle2 as="h2" id="task-title">
        {task.label[locale]}
      </Subtitle2>
      <Caption1 data-testid="task-next">
        {next
          ? fill(strings.nextStep, { n: at + 1, total: task.steps.length, step: stepName(next) })
          : strings.taskDone}
      </Caption1>
      {task.steps.some((s) => sending.has(s.kind)) ? (
        <TaskPending pending={pending} sends={task.steps.some((s) => s.kind === 'push')} />
      ) : null}
      <ol className={styles.list} aria-labelledby="task-title">
        {task.steps.map((step, index) => (
          <li
            key={`${step.kind}:${step.dataset}:${index}`}
            className={styles.step}
            {...(index === at ? { 'aria-current': 'step' as const } : {})}
            data-testid="task-step"
            data-state={
              stuck?.index === index
                ? 'stuck'
                : index < at
                  ? 'done'
                  : index === at
                    ? 'current'
                    : 'todo'
            }
          >
            <Text className={index === at ? styles.current : undefined}>
              {index < at ? '✓ ' : `${index + 1}. `}
              {stepName(step)}
            </Text>
            {step.kind === 'reorder' ? (
              <ReorderChoice meta={meta} pick={reorder} busy={busy} onChange={setReorder} />
            ) : null}
            {step.kind === 'sheet' ? (
              <span className={styles.buttons}>
                <Button
                  size="small"
                  disabled={busy}
                  onClick={() => {
                    run(index, 'template');
                  }}
                  data-testid="step-template"
                >
                  {strings.insertTemplate}
                </Button>
                <Button
                  size="small"
                  disabled={busy}
                  onClick={() => {
                    run(index, 'bind');
                  }}
                  data-testid="step-bind"
                >
                  {strings.bindSelection}
                </Button>
              </span>
            ) : (
              <Button
                size="small"
                appearance={index === at ? 'primary' : 'secondary'}
                disabled={busy || (step.kind === 'credit-release' && credit.ticked.size === 0)}
                onClick={() => {
                  run(index);
                }}
                data-testid={`step-${step.kind}`}
              >
                {words.stepActions[step.kind]}
              </Button>
            )}
            {stuck?.index === index ? (
              <Text className={styles.stuck} role="alert" data-testid="task-stuck">
                {stuckText(step.kind, stuck.outcome)}
              </Text>
            ) : null}
          </li>
        ))}
      </ol>
      {hasCredit && credit.holds ? (
        <CreditHoldList
          holds={credit.holds}
          ticked={credit.ticked}
          busy={busy}
          onTick={(group, on) => {
            const ticked = new Set(credit.ticked);
            if (on) ticked.add(group);
            else ticked.delete(group);
            setCredit({ ...credit, ticked });
          }}
        />
      ) : null}
      {hasCredit && credit.results ? <ReleaseResults rows={credit.results} /> : null}
      <Button onClick={onHome} data-testid="task-home-back">
        {strings.allTasks}
      </Button>
    </section>
  );
}
