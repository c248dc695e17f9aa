// The HTTP transport the API client talks through: one method, so tests can spy on it, wrap it
// (a network drop after the server answered) or replace it. In the task pane it is window.fetch.

export interface HttpRequest {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly signal?: AbortSignal;
}

export interface HttpResponse {
  readonly status: number;
  /** Response header by lower-case name, or null. */
  header(name: string): string | null;
  readonly text: string;
}

export interface Transport {
  send(request: HttpRequest): Promise<HttpResponse>;
}

type FetchFn = (url: string, init: RequestInit) => Promise<Response>;

/** A transport over a fetch function (window.fetch in the pane, Node's fetch in tests). */
export function fetchTransport(fetchFn: FetchFn): Transport {
  return {
    async send(request) {
      const response = await fetchFn(request.url, {
        method: request.method,
        headers: request.headers,
        ...(request.body === undefined ? {} : { body: request.body }),
        ...(request.signal === undefined ? {} : { signal: request.signal }),
      });
      const text = await response.text();
      return { status: response.status, header: (name) => response.headers.get(name), text };
    },
  };
}
