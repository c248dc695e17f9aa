// Who is signed in, with which role, and the way out.
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
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
});

export interface SessionHeaderProps {
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
      <Text weight="semibold" data-testid="session-user" title={session.serverUrl}>
        {fill(strings.signedInAs, { name, role: strings.roles[user.role] })}
      </Text>
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
