// Sign in: server address (the page's origin unless the user changes it), user name, password.
// A failure shows as a sentence under the form; the password field keeps focus order natural.
import { Button, Spinner, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type SyntheticEvent } from 'react';
import type { Session } from '../app-api';
import { useUi } from './context';
import { errorSentence } from './errors';
import { Message } from './message';
import { TextField } from './text-field';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

interface SignInFormProps {
  defaultServerUrl: string;
  /** Why the user has to sign in again, if they were signed out (an expired session). */
  reason: string | null;
  onSignedIn: (session: Session) => void;
}

/** The form's state and its submit: the session on success, a sentence on failure. */
function useSignIn({ defaultServerUrl, reason, onSignedIn }: SignInFormProps) {
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
      const input = { serverUrl: serverUrl.trim(), username: username.trim(), password };
      onSignedIn(await app.signIn(input));
    } catch (failure) {
      setError(errorSentence(failure, strings, serverUrl));
      setBusy(false);
    }
  };
  const fields = { serverUrl, setServerUrl, username, setUsername, password, setPassword };
  return { ...fields, busy, error, submit, ready: username.trim() !== '' && password !== '' };
}

export function SignInForm(props: SignInFormProps) {
  const styles = useStyles();
  const { strings } = useUi();
  const form = useSignIn(props);
  return (
    <form
      className={styles.form}
      aria-labelledby="sign-in-title"
      onSubmit={(event) => void form.submit(event)}
    >
      <Title3 as="h1" id="sign-in-title">
        {strings.appTitle} · {strings.signInTitle}
      </Title3>
      <TextField
        label={strings.serverUrl}
        required
        type="url"
        autoComplete="url"
        value={form.serverUrl}
        onChange={form.setServerUrl}
        testId="signin-server"
      />
      <TextField
        label={strings.username}
        required
        autoComplete="username"
        value={form.username}
        onChange={form.setUsername}
        testId="signin-username"
      />
      <TextField
        label={strings.password}
        required
        type="password"
        autoComplete="current-password"
        value={form.password}
        onChange={form.setPassword}
        testId="signin-password"
      />
      {form.error ? (
        <Message intent="error" testId="signin-error" alert>
          {form.error}
        </Message>
      ) : null}
      <Button
        type="submit"
        appearance="primary"
        disabled={form.busy || !form.ready}
        data-testid="signin-submit"
      >
        {form.busy ? <Spinner size="tiny" label={strings.signingIn} /> : strings.signIn}
      </Button>
    </form>
  );
}
