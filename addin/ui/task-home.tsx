// The home of the task-first pane: the user's tasks (tasks.ts says which, from meta), each a
// button opening its flow (task-flow.tsx), and the generic tools one click away.
import { Button, Caption1, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { MetaResponse } from '../../shared/meta';
import type { Role } from '../../shared/roles';
import { useUi } from './context';
import { tasksFor, type TaskDef } from './tasks';

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
});

interface TaskHomeProps {
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
