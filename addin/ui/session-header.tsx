// Who is signed in, with which role, and the way out.
import { Button, Subtitle1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Session } from '../app-api';
import { useUi } from './context';
import { fill } from './strings';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: tokens.spacingVerticalS,
  },
  who: { display: 'flex', flexDirection: 'column', minWidth: 0 },
});

interface SessionHeaderProps {
  session: Session;
  onSignedOut: () => void;
}

export function SessionHeader({ session, onSignedOut }: SessionHeaderProps) {
  const styles = useStyles();
  const { app, strings } = useUi();
  const [busy, setBusy] = useState(false);
  const { user } = session;
  const name = user.displayName || user.username;

  const signOut = async () => {
    setBusy(true);
    // Signed out locally even when the server cannot be told: the token is gone from storage.
    await app.signOut().catch(() => undefined);
    onSignedOut();
  };

  return (
    <header className={styles.header}>
      <div className={styles.who}>
        <Subtitle1 as="h1">{strings.appTitle}</Subtitle1>
        <Text size={200} data-testid="session-user" title={session.serverUrl}>
          {fill(strings.signedInAs, { name, role: strings.roles[user.role] })}
        </Text>
      </div>
      <Button
        size="small"
        disabled={busy}
        onClick={() => {
          void signOut();
        }}
        data-testid="sign-out"
      >
        {strings.signOut}
      </Button>
    </header>
  );
}
