// The task-first pane: a home listing the user's tasks (tasks.ts says which), and a task as a
// short numbered flow — where the user is (aria-current="step"), what is done, what to do next —
// whose steps run the same actions as the generic tools, one click away from every screen.
import { Button, Caption1, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { MetaResponse } from '../../shared/meta';
import type { Role } from '../../shared/roles';
import { useUi } from './context';
import { fill } from './strings';
import { tasksFor, type TaskDef, type TaskStep } from './tasks';
import type { Actions } from './use-actions';

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
  task: { justifyContent: 'flex-start', textAlign: 'start', width: '100%' },
  taskText: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start' },
  step: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  current: { fontWeight: tokens.fontWeightSemibold },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface TaskHomeProps {
  meta: MetaResponse;
  role: Role;
  onOpen: (task: TaskDef) => void;
  onTools: () => void;
}

export function TaskHome({ meta, role, onOpen, onTools }: TaskHomeProps) {
  const styles = useStyles();
  const { strings, locale } = useUi();
  const mine = tasksFor(meta, role);
  return (
    <section className={styles.panel} aria-labelledby="tasks-title" data-testid="task-home">
      <Subtitle2 as="h2" id="tasks-title">
        {strings.tasksTitle}
      </Subtitle2>
      <ul className={styles.list} aria-labelledby="tasks-title">
        {mine.map((task) => (
          <li key={task.id}>
            <Button
              className={styles.task}
              appearance="subtle"
              onClick={() => {
                onOpen(task);
              }}
              data-testid={`task-${task.id}`}
            >
              <span className={styles.taskText}>
                <Text weight="semibold">{task.label[locale]}</Text>
                <Caption1>{task.hint[locale]}</Caption1>
              </span>
            </Button>
          </li>
        ))}
      </ul>
      <Button onClick={onTools} data-testid="open-tools">
        {strings.genericTools}
      </Button>
    </section>
  );
}

export interface TaskFlowProps {
  task: TaskDef;
  busy: boolean;
  actions: Actions;
  onHome: () => void;
}

/** Runs a step through the workspace's actions (the generic tools' own verbs). */
async function runStep(actions: Actions, step: TaskStep, how?: 'template' | 'bind') {
  switch (step.kind) {
    case 'sheet':
      await (how === 'bind'
        ? actions.bindSelection(step.dataset)
        : actions.insertTemplate(step.dataset));
      return;
    case 'validate':
      await actions.validate();
      return;
    case 'push':
      await actions.push();
      return;
    case 'status':
      await actions.refreshStatus();
      return;
    case 'pull':
      await actions.pull(step.dataset, {});
      return;
    case 'pivot':
      await actions.addPivot();
      return;
    case 'allocations':
      await actions.prepareAllocations();
      return;
  }
}

export function TaskFlow({ task, busy, actions, onHome }: TaskFlowProps) {
  const styles = useStyles();
  const { strings, locale } = useUi();
  const [at, setAt] = useState(0);
  const run = (index: number, how?: 'template' | 'bind') => {
    const step = task.steps[index];
    if (!step) return;
    void runStep(actions, step, how).then(() => {
      setAt((current) => Math.max(current, index + 1));
    });
  };
  const next = task.steps[at];
  const stepName = (step: TaskStep) => strings.stepNames[step.kind];
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
      <ol className={styles.list} aria-labelledby="task-title">
        {task.steps.map((step, index) => (
          <li
            key={`${step.kind}:${step.dataset}:${index}`}
            className={styles.step}
            {...(index === at ? { 'aria-current': 'step' as const } : {})}
            data-testid="task-step"
            data-state={index < at ? 'done' : index === at ? 'current' : 'todo'}
          >
            <Text className={index === at ? styles.current : undefined}>
              {index < at ? '✓ ' : `${index + 1}. `}
              {stepName(step)}
            </Text>
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
                disabled={busy}
                onClick={() => {
                  run(index);
                }}
                data-testid={`step-${step.kind}`}
              >
                {strings.stepActions[step.kind]}
              </Button>
            )}
          </li>
        ))}
      </ol>
      <Button onClick={onHome} data-testid="task-home-back">
        {strings.allTasks}
      </Button>
    </section>
  );
}
