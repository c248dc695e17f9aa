// The one error the API client throws: a plain sentence in the user's language (the server's own
// `error.message` when it sent one), the code, and whether trying again may help.

type ApiErrorKind = 'network' | 'server' | 'request' | 'auth' | 'answer';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly info: { kind: ApiErrorKind; code: string; status: number | null },
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get code(): string {
    return this.info.code;
  }

  /** A network failure, a 5xx or a 409 "still running" may succeed on a later try. */
  get isRetryable(): boolean {
    const { kind, status } = this.info;
    return kind === 'network' || kind === 'server' || status === 409;
  }
}
