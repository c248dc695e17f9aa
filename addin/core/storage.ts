// What the add-in keeps in the pane's own storage (localStorage in the browser): the session
// with its bearer token and the client id. Never in the workbook: a workbook
// is mailed around, a token must not travel with it. Read back through zod like any edge.
import { z } from 'zod';
import { sessionUserSchema } from '../../shared/protocol';

/** The Web Storage subset the add-in uses. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const SESSION_KEY = 'salesSync.session';
const CLIENT_KEY = 'salesSync.clientId';

const storedSessionSchema = z.object({
  serverUrl: z.string().min(1),
  token: z.string().min(1),
  expiresAt: z.string(),
  user: sessionUserSchema,
});
export type StoredSession = z.infer<typeof storedSessionSchema>;

export function memoryStorage(): KeyValueStorage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      items.set(key, value);
    },
    removeItem: (key) => {
      items.delete(key);
    },
  };
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

export function loadSession(storage: KeyValueStorage): StoredSession | null {
  const parsed = storedSessionSchema.safeParse(parseJson(storage.getItem(SESSION_KEY)));
  return parsed.success ? parsed.data : null;
}

export function saveSession(storage: KeyValueStorage, session: StoredSession | null): void {
  if (session === null) storage.removeItem(SESSION_KEY);
  else storage.setItem(SESSION_KEY, JSON.stringify(session));
}

/** This add-in instance's id, made once: the scope of its mutation ids (docs/protocol.md). */
export function clientIdOf(storage: KeyValueStorage, makeId: () => string): string {
  const existing = storage.getItem(CLIENT_KEY);
  if (existing && /^[\w-]{8,100}$/.test(existing)) return existing;
  const id = makeId();
  storage.setItem(CLIENT_KEY, id);
  return id;
}
