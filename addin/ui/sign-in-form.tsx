// Sign in: server address (the page's origin unless the user changes it), user name, password.
// A failure shows as a sentence under the form; the password field keeps focus order natural.
import { Button, Field, Input, MessageBar, MessageBarBody, Spinner, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type SyntheticEvent } from 'react';
import type { Session } from '../app-api';
import { useUi } from './context';
import { errorSentence } from './errors';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export interface SignInFormProps {
  defaultServerUrl: string;
  /** Why the user has to sign in again, if they were signed out (an expired session). */
  reason: string | null;
  onSignedIn: (session: Session) => void;
}

export function SignInForm({ defaultServerUrl, reason, onSignedIn }: SignInFormProps) {
  const styles = useStyles();
  const { app, strings } = useUi();
  const [serverUrl, setServerUrl] = useState(defaultServerUrl);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(reason);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await app.signIn({ serverUrl: serverUrl.trim(), username: username.trim(), password }));
    } catch (failure) {
      setError(errorSentence(failure, strings, serverUrl));
      setBusy(false);
    }
  };

  return (
    <form
      className={styles.form}
      aria-labelledby="sign-in-title"
      onSubmit={(event) => {
        void submit(event);
      }}
    >
      <Title3 id="sign-in-title">
        {strings.appTitle} · {strings.signInTitle}
      </Title3>
      <Field label={strings.serverUrl} required>
        <Input type="url" value={serverUrl} onChange={(_, d) => { setServerUrl(d.value); }} data-testid="signin-server" autoComplete="url" />
      </Field>
      <Field label={strings.username} required>
        <Input value={username} onChange={(_, d) => { setUsername(d.value); }} data-testid="signin-username" autoComplete="username" />
      </Field>
      <Field label={strings.password} required>
        <Input type="password" value={password} onChange={(_, d) => { setPassword(d.value); }} data-testid="signin-password" autoComplete="current-password" />
      </Field>
      {error ? (
        <MessageBar intent="error" data-testid="signin-error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Button type="submit" appearance="primary" disabled={busy || username.trim() === '' || password === ''} data-testid="signin-submit">
        {busy ? <Spinner size="tiny" label={strings.signingIn} /> : strings.signIn}
      </Button>
    </form>
  );
}
