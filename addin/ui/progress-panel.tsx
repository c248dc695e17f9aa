// Progress of long work: an indeterminate bar until the total is known, then a filling one, and
// Cancel where the work can stop safely (push, pull, validate).
import { Button, Field, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import type { Progress } from '../app-api';
import { useUi } from './context';
import { fill, type Phase } from './strings';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  bar: { flexGrow: 1 },
});

interface ProgressPanelProps {
  label: string;
  progress: Progress | null;
  onCancel: (() => void) | null;
}

/** The phase in the user's words; a phase the pane does not know is not shown as a code. */
function usePhaseLabel(): (phase: string) => string {
  const { strings } = useUi();
  return (phase) => (Object.hasOwn(strings.phases, phase) ? strings.phases[phase as Phase] : '');
}

export function ProgressPanel({ label, progress, onCancel }: ProgressPanelProps) {
  const styles = useStyles();
  const { strings } = useUi();
  const phaseLabel = usePhaseLabel();
  const total = progress?.total ?? null;
  const value = total && progress ? Math.min(1, progress.done / total) : undefined;
  const hint = progress
    ? [
        phaseLabel(progress.phase),
        total ? fill(strings.progressCount, { done: progress.done, total }) : '',
      ]
        .filter(Boolean)
        .join(' · ')
    : strings.working;

  return (
    <div className={styles.row} data-testid="progress" role="status" aria-live="polite">
      <Field className={styles.bar} label={label} validationMessage={hint} validationState="none">
        <ProgressBar {...(value === undefined ? {} : { value })} thickness="large" />
      </Field>
      {onCancel ? (
        <Button onClick={onCancel} data-testid="cancel">
          {strings.cancel}
        </Button>
      ) : null}
    </div>
  );
}
