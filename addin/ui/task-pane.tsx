// The task pane's root: Fluent UI in Office's light or dark theme, the user's language, and
// either the sign-in form or the signed-in workspace.
import { FluentProvider, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useMemo, useState } from 'react';
import type { AddinApp, Session } from '../app-api';
import { UiContext, type UiContextValue } from './context';
import { SessionHeader } from './session-header';
import { SignInForm } from './sign-in-form';
import { stringsFor } from './strings';
import { fluentTheme, type ThemeName } from './theme';
import { Workspace } from './workspace';

const useStyles = makeStyles({
  pane: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
});

interface TaskPaneProps {
  app: AddinApp;
  theme: ThemeName;
  /** The server address the sign-in form proposes: the page's own origin. */
  defaultServerUrl: string;
}

export function TaskPane({ app, theme, defaultServerUrl }: TaskPaneProps) {
  const styles = useStyles();
  const locale = app.locale();
  const ui = useMemo<UiContextValue>(
    () => ({ app, locale, strings: stringsFor(locale) }),
    [app, locale],
  );
  const [session, setSession] = useState<Session | null>(() => app.session());
  // Why the user is back at sign-in (an expired token), shown on the form.
  const [signedOutReason, setSignedOutReason] = useState<string | null>(null);
  const sessionLost = useCallback((reason: string) => {
    setSignedOutReason(reason);
    setSession(null);
  }, []);
  const signedIn = (next: Session) => {
    setSignedOutReason(null);
    setSession(next);
  };

  return (
    <FluentProvider theme={fluentTheme(theme)} lang={locale} data-theme={theme}>
      <UiContext.Provider value={ui}>
        <main className={styles.pane} aria-label={ui.strings.appTitle} data-testid="task-pane">
          {session ? (
            <>
              <SessionHeader
                session={session}
                onSignedOut={() => {
                  setSession(null);
                }}
              />
              <Workspace
                key={session.user.username}
                session={session}
                onSessionLost={sessionLost}
              />
            </>
          ) : (
            <SignInForm
              defaultServerUrl={defaultServerUrl}
              reason={signedOutReason}
              onSignedIn={signedIn}
            />
          )}
        </main>
      </UiContext.Provider>
    </FluentProvider>
  );
}
