// Errors as plain sentences, never stack traces. The add-in's
// API client already turns the server's answers into localized sentences; what is left here is
// the browser's own vocabulary: a failed fetch, an abort, a bug.
import { fill, type Strings } from './strings';

type ErrorKind = 'cancelled' | 'network' | 'message' | 'unknown';

export function classifyError(error: unknown): ErrorKind {
  if (error instanceof DOMException && error.name === 'AbortError') return 'cancelled';
  if (error instanceof Error && error.name === 'AbortError') return 'cancelled';
  // fetch rejects with a TypeError ("Failed to fetch", "Load failed", "NetworkError…").
  if (error instanceof TypeError && /fetch|network|load failed/i.test(error.message))
    return 'network';
  if (error instanceof Error && error.message.trim() !== '') return 'message';
  return 'unknown';
}

/** One sentence for the message bar; `serverUrl` names the server in network errors. */
export function errorSentence(error: unknown, strings: Strings, serverUrl: string): string {
  switch (classifyError(error)) {
    case 'cancelled':
      return strings.cancelled;
    case 'network':
      return fill(strings.networkError, { url: serverUrl });
    case 'message':
      return firstLine((error as Error).message);
    case 'unknown':
      return fill(strings.unexpectedError, { message: String(error) });
  }
}

/** Keeps a message to its first line, so a stack trace never reaches the user. */
function firstLine(message: string): string {
  return (message.split('\n')[0] ?? '').trim();
}
