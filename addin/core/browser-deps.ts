// Defaults for the task pane in a browser: window.fetch, localStorage, the system clock and
// crypto.randomUUID. The one place the add-in's core reaches for browser globals; tests and the
// benchmark pass their own.
import type { KeyValueStorage } from './storage';
import { memoryStorage } from './storage';
import { fetchTransport, type Transport } from './transport';

export function browserTransport(): Transport {
  return fetchTransport((url, init) => globalThis.fetch(url, init));
}

/** localStorage when the page may use it (some embedded browsers forbid it), else memory. */
export function browserStorage(): KeyValueStorage {
  try {
    const storage = (globalThis as { localStorage?: KeyValueStorage }).localStorage;
    if (storage) return storage;
  } catch {
    // Accessing localStorage throws where storage is disabled: the session then lasts the page.
  }
  return memoryStorage();
}

export const systemClock = { now: () => new Date() };

export const randomIds = { uuid: () => globalThis.crypto.randomUUID() };
