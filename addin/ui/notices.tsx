// The outcome of the last step as message bars: results, warnings, and errors as sentences.
import { Button, MessageBarActions, makeStyles, tokens } from '@fluentui/react-components';
import { useUi } from './context';
import { Message } from './message';
import type { Notice } from './use-work';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

export function Notices({
  notices,
  onDismiss,
}: {
  notices: readonly Notice[];
  onDismiss: (index: number) => void;
}) {
  const styles = useStyles();
  const { strings } = useUi();
  if (notices.length === 0) return null;
  return (
    <div className={styles.list} role="status" aria-live="polite" data-testid="notices">
      {notices.map((notice, index) => (
        <Message
          key={`${index}:${notice.text}`}
          intent={notice.intent}
          testId="notice"
          data={{ 'data-intent': notice.intent }}
          actions={
            <MessageBarActions
              {...(notice.action
                ? {
                    children: (
                      <Button
                        size="small"
                        onClick={notice.action.run}
                        data-testid={notice.action.testId}
                      >
                        {notice.action.label}
                      </Button>
                    ),
                  }
                : {})}
              containerAction={
                <Button
                  size="small"
                  appearance="transparent"
                  aria-label={strings.close}
                  title={strings.close}
                  onClick={() => {
                    onDismiss(index);
                  }}
                >
                  ✕
                </Button>
              }
            />
          }
        >
          {notice.text}
        </Message>
      ))}
    </div>
  );
}
