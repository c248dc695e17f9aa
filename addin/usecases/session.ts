// Sign in and out. The session (token included) lives in the pane's storage, never the workbook.
import type { Session } from '../app-api';
import { loadSession, saveSession, type KeyValueStorage } from '../core/storage';
import type { ApiClient } from '../core/api-client';
import type { Clock } from './context';

export function currentSession(storage: KeyValueStorage, clock: Clock): Session | null {
  const stored = loadSession(storage);
  if (!stored || Date.parse(stored.expiresAt) <= clock.now().getTime()) return null;
  return { serverUrl: stored.serverUrl, user: stored.user, expiresAt: stored.expiresAt };
}

export async function signIn(
  deps: { api: ApiClient; storage: KeyValueStorage },
  input: { serverUrl: string; username: string; password: string },
): Promise<Session> {
  const serverUrl = input.serverUrl.trim().replace(/\/+$/, '');
  const answer = await deps.api.login({ ...input, serverUrl });
  saveSession(deps.storage, {
    serverUrl,
    token: answer.token,
    expiresAt: answer.expiresAt,
    user: answer.user,
  });
  return { serverUrl, user: answer.user, expiresAt: answer.expiresAt };
}

export async function signOut(deps: { api: ApiClient; storage: KeyValueStorage }): Promise<void> {
  try {
    await deps.api.logout();
  } catch {
    // Signing out works offline too: the token is dropped here and expires on the server.
  }
  saveSession(deps.storage, null);
}
