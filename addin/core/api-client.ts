// The sync server's API as typed calls: base URL, bearer token, Accept-Language, answers parsed
// with the shared zod schemas, failures turned into ApiError sentences. A 401 clears
// the session so the pane shows the sign-in again. Meta is cached and revalidated by ETag.
import type { z } from 'zod';
import type { Locale } from '../../shared/locale';
import { metaResponseSchema, type MetaResponse } from '../../shared/meta';
import {
  errorResponseSchema,
  loginResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
  type LoginResponse,
  type PullQuery,
  type PullResponse,
  type PushRequest,
  type PushResponse,
} from '../../shared/protocol';
import { ApiError } from './api-error';
import type { StoredSession } from './storage';
import { say } from './texts';
import { defaultRetry, shouldRetry, waitBefore, type CallSafety, type RetryPolicy } from './retry';
import type { HttpRequest, HttpResponse, Transport } from './transport';

interface ApiClientDeps {
  transport: Transport;
  locale: () => Locale;
  session: () => StoredSession | null;
  /** Called on 401: the token is no longer good. */
  onUnauthorized: () => void;
  /** Tries after a fault, a busy server or a dropped connection (retry.ts); default 3. */
  retry?: Partial<RetryPolicy>;
  /** The clock Retry-After dates are read against. */
  now?: () => number;
}

interface Call {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

const trimSlash = (url: string) => url.replace(/\/+$/, '');

export class ApiClient {
  private metaCache: { serverUrl: string; etag: string; meta: MetaResponse } | null = null;

  private readonly retry: RetryPolicy;

  constructor(private readonly deps: ApiClientDeps) {
    this.retry = { ...defaultRetry, ...deps.retry };
  }

  async login(input: {
    serverUrl: string;
    username: string;
    password: string;
  }): Promise<LoginResponse> {
    const body = { username: input.username, password: input.password };
    const call: Call = { method: 'POST', path: '/api/v1/auth/login', body };
    const serverUrl = trimSlash(input.serverUrl);
    const response = await this.send(serverUrl, call, null);
    return this.parse(loginResponseSchema, this.check(response, { serverUrl, withSession: false }));
  }

  async logout(): Promise<void> {
    await this.call({ method: 'POST', path: '/api/v1/auth/logout' });
  }

  async meta(): Promise<MetaResponse> {
    const session = this.requireSession();
    const cached = this.metaCache?.serverUrl === session.serverUrl ? this.metaCache : null;
    const headers: Record<string, string> = cached ? { 'If-None-Match': cached.etag } : {};
    const response = await this.send(
      session.serverUrl,
      { method: 'GET', path: '/api/v1/meta', headers },
      session,
    );
    if (response.status === 304 && cached) return cached.meta;
    const checked = this.check(response, { serverUrl: session.serverUrl, withSession: true });
    const meta = this.parse(metaResponseSchema, checked);
    const etag = response.header('etag');
    this.metaCache = etag ? { serverUrl: session.serverUrl, etag, meta } : null;
    return meta;
  }

  async push(
    request: PushRequest,
    idempotencyKey: string,
    signal?: AbortSignal,
  ): Promise<PushResponse> {
    const headers = { 'Idempotency-Key': idempotencyKey };
    const call: Call = { method: 'POST', path: '/api/v1/sync/push', body: request, headers };
    const response = await this.call(signal ? { ...call, signal } : call);
    return this.parse(pushResponseSchema, response);
  }

  async pull(
    query: Partial<PullQuery> & { dataset: string },
    signal?: AbortSignal,
  ): Promise<PullResponse> {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') params.set(name, String(value));
    }
    const call: Call = { method: 'GET', path: `/api/v1/sync/pull?${params.toString()}` };
    const response = await this.call(signal ? { ...call, signal } : call);
    return this.parse(pullResponseSchema, response);
  }

  private requireSession(): StoredSession {
    const session = this.deps.session();
    if (!session) {
      throw new ApiError(say('not-signed-in', {}, this.deps.locale()), {
        kind: 'auth',
        code: 'unauthenticated',
        status: null,
      });
    }
    return session;
  }

  private async call(call: Call): Promise<HttpResponse> {
    const session = this.requireSession();
    const response = await this.send(session.serverUrl, call, session);
    return this.check(response, { serverUrl: session.serverUrl, withSession: true });
  }

  /**
   * Sends a call, trying again (retry.ts) while the answer or a dropped connection is worth it
   * and the call is safe to repeat; after the last try the user reads that it was retried.
   */
  private async send(
    serverUrl: string,
    call: Call,
    session: StoredSession | null,
  ): Promise<HttpResponse> {
    const request = this.request(serverUrl, call, session);
    const safety = safetyOf(call);
    const { attempts } = this.retry;
    let response: HttpResponse | null = null;
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      try {
        response = await this.deps.transport.send(request);
      } catch (error) {
        if (call.signal?.aborted) throw error;
        response = null;
      }
      if (!shouldRetry(response, safety)) break;
      if (attempt === attempts) {
        if (attempts > 1) throw this.gaveUp(response, { serverUrl, tries: attempts });
        break;
      }
      const now = this.deps.now?.() ?? Date.now();
      await this.retry.sleep(waitBefore(this.retry, { attempt, response, now }));
      call.signal?.throwIfAborted();
    }
    if (response) return response;
    const message = say('network-error', { url: serverUrl }, this.deps.locale());
    throw new ApiError(message, { kind: 'network', code: 'network-error', status: null });
  }

  private request(serverUrl: string, call: Call, session: StoredSession | null): HttpRequest {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'Accept-Language': this.deps.locale(),
      ...call.headers,
    };
    if (session) headers.Authorization = `Bearer ${session.token}`;
    if (call.body !== undefined) headers['Content-Type'] = 'application/json';
    return {
      method: call.method,
      url: `${serverUrl}${call.path}`,
      headers,
      ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
      ...(call.signal ? { signal: call.signal } : {}),
    };
  }

  /** The error after the last try: what failed, that it was retried, what to do now. */
  private gaveUp(
    response: HttpResponse | null,
    at: { serverUrl: string; tries: number },
  ): ApiError {
    const locale = this.deps.locale();
    if (!response) {
      const message = say('gave-up-network', { url: at.serverUrl, tries: at.tries }, locale);
      return new ApiError(message, { kind: 'network', code: 'network-error', status: null });
    }
    const { status } = response;
    const body = errorResponseSchema.safeParse(safeJson(response.text));
    const code = body.success ? body.data.error.code : 'server-error';
    const requestId =
      (body.success ? body.data.error.requestId : undefined) ?? response.header('x-request-id');
    const text =
      status === 409
        ? 'gave-up-running'
        : status === 503 || status === 429
          ? 'gave-up-busy'
          : requestId
            ? 'gave-up-server'
            : 'gave-up-server-plain';
    const message = say(text, { status, tries: at.tries, requestId: requestId ?? '' }, locale);
    return new ApiError(message, { kind: status === 409 ? 'request' : 'server', code, status });
  }

  /** Non-2xx answers become ApiError with the server's own sentence when it sent one. */
  private check(
    response: HttpResponse,
    at: { serverUrl: string; withSession: boolean },
  ): HttpResponse {
    if (response.status >= 200 && response.status < 300) return response;
    const parsed = errorResponseSchema.safeParse(safeJson(response.text));
    const status = response.status;
    if (status === 401 && at.withSession) this.deps.onUnauthorized();
    const kind = status === 401 ? 'auth' : status >= 500 ? 'server' : 'request';
    if (parsed.success)
      throw new ApiError(parsed.data.error.message, { kind, code: parsed.data.error.code, status });
    const code = status >= 500 ? 'server-error' : 'bad-answer';
    throw new ApiError(say(code, { status, url: at.serverUrl }, this.deps.locale()), {
      kind,
      code,
      status,
    });
  }

  private parse<T>(schema: z.ZodType<T>, response: HttpResponse): T {
    const parsed = schema.safeParse(safeJson(response.text));
    if (parsed.success) return parsed.data;
    throw new ApiError(say('bad-answer', {}, this.deps.locale()), {
      kind: 'answer',
      code: 'bad-answer',
      status: response.status,
    });
  }
}

/** Reads repeat freely; a push carries an Idempotency-Key, so the server replays a repeat. */
function safetyOf(call: Call): CallSafety {
  if (call.method === 'GET') return 'read';
  return call.headers?.['Idempotency-Key'] ? 'keyed-write' : 'write';
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
