// What a task flow shows as pending on the bound sheet (usecases/pending.ts): rows to send and
// rows with problems, and the next thing to do about them. A polite live region, so a screen
// reader hears the counts change after each step.
import { Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { PendingReport } from '../app-api';
import { useUi } from './context';
import { fill } from './strings';
import { taskStringsFor } from './task-strings';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

/** `sends`: the task has a push step (a credit release pushes only the ticked orders). */
export function TaskPending({ pending, sends }: { pending: PendingReport | null; sends: boolean }) {
  const styles = useStyles();
  const { locale } = useUi();
  const words = taskStringsFor(locale);
  const next =
    pending === null
      ? null
      : pending.problems > 0
        ? words.nextFix
        : !sends
          ? null
          : pending.changed > 0
            ? fill(words.nextPush, { changed: pending.changed })
            : words.nextNothing;
  return (
    <div
      className={styles.box}
      role="status"
      aria-live="polite"
      data-testid="task-pending"
      data-changed={pending?.changed ?? ''}
      data-problems={pending?.problems ?? ''}
    >
      <Text>
        {pending
          ? fill(words.pending, {
              sheet: pending.sheetName,
              changed: pending.changed,
              problems: pending.problems,
            })
          : words.pendingNone}
      </Text>
      {next ? <Caption1 data-testid="task-pending-next">{next}</Caption1> : null}
    </div>
  );
}
