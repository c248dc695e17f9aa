// A worker thread of the import pool (import-pool.ts): parses uploads off the request loop.
// Each message is one task; the answer is { ok, value } or { ok: false, error } where error is
// an AppError's code (a refusal of the file) or null (a fault).
import { parentPort } from 'node:worker_threads';
import { buildRegistry } from '../sync/registry';
import { parseUpload, renderResult, toWorkerError, type ParseRequest } from './import-parse';
import type { ImportReport } from './import';

export type Task =
  | { id: number; kind: 'parse'; request: ParseRequest }
  | { id: number; kind: 'result'; request: ParseRequest & { report: ImportReport } };

const registry = buildRegistry();
const PART_ROWS = 250;

let pending: unknown[] = [];
const sendNext = () => {
  const next = pending.shift();
  if (next !== undefined) parentPort?.postMessage(next);
};

parentPort?.on('message', (task: Task | { next: true }) => {
  if ('next' in task) {
    sendNext();
    return;
  }
  const work =
    task.kind === 'parse'
      ? parseUpload(registry, task.request)
      : renderResult(registry, task.request);
  work.then(
    (value) => {
      if ('rows' in value) {
        // Parts of PART_ROWS rows, the next one only when the pool asks for it: each is read
        // back in its own turn of the request loop, never all in one.
        const { rows, ...rest } = value;
        const parts: unknown[] = [];
        for (let i = 0; i < rows.length; i += PART_ROWS)
          parts.push({ id: task.id, part: rows.slice(i, i + PART_ROWS) });
        parts.push({ id: task.id, ok: true, value: rest });
        pending = parts;
        sendNext();
      } else {
        parentPort?.postMessage({ id: task.id, ok: true, value });
      }
    },
    (error: unknown) => {
      const known = toWorkerError(error);
      parentPort?.postMessage({
        id: task.id,
        ok: false,
        error: known,
        ...(known ? {} : { message: error instanceof Error ? error.stack : String(error) }),
      });
    },
  );
});
