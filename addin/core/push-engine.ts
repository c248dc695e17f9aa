// Sends planned chunks one after another: the same Idempotency-Key for every try of a chunk (the
// API client tries again when the network or the server failed — retry.ts — and the server may
// have applied the chunk before the answer was lost: the key replays its answer), progress after
// each chunk, and cancel between chunks — never inside one, since a request in flight may be
// applied anyway.
import type { PushRequest, RowResult } from '../../shared/protocol';
import type { Progress } from '../app-api';
import type { ApiClient } from './api-client';
import { ApiError } from './api-error';
import type { PushRow } from './push-plan';

interface SendInput {
  readonly chunks: readonly (readonly PushRow[])[];
  readonly envelope: Omit<PushRequest, 'mutations'>;
  readonly keyOf: (chunk: readonly PushRow[]) => string;
  readonly onProgress?: ((progress: Progress) => void) | undefined;
  readonly signal?: AbortSignal | undefined;
}

export interface SendOutcome {
  /** Results of the chunks that came back, by mutation id. */
  readonly results: Map<string, RowResult>;
  readonly sent: number;
  readonly cancelled: boolean;
  /** The failure that stopped the push, after the API client's retries. */
  readonly error: ApiError | null;
}

export async function sendChunks(api: ApiClient, input: SendInput): Promise<SendOutcome> {
  const results = new Map<string, RowResult>();
  const total = input.chunks.reduce((sum, c) => sum + c.length, 0);
  let sent = 0;
  input.onProgress?.({ phase: 'push', done: 0, total });
  for (const chunk of input.chunks) {
    if (input.signal?.aborted) return { results, sent, cancelled: true, error: null };
    const request: PushRequest = { ...input.envelope, mutations: chunk.map((r) => r.mutation) };
    try {
      const response = await api.push(request, input.keyOf(chunk));
      for (const result of response.results) results.set(result.mutationId, result);
    } catch (error) {
      if (error instanceof ApiError) return { results, sent, cancelled: false, error };
      throw error;
    }
    sent += chunk.length;
    input.onProgress?.({ phase: 'push', done: sent, total });
  }
  return { results, sent, cancelled: false, error: null };
}
