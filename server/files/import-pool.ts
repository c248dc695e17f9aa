// Upload parsing off the request loop: a pool of worker threads sized to the machine (one per
// core but one, at most four), each with its own memory limit, and a bounded queue. Parsing a
// 50,000-row workbook takes seconds of CPU; in a worker the request loop keeps answering
// everyone else meanwhile. When every worker is busy and the queue is full, an upload gets 503
// with Retry-After rather than waiting without bound. A worker that runs out of memory (a file
// that passed the guard but is still too much) takes only its task with it: that upload is
// refused with file-too-complex and a fresh worker takes its place.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../logger';
import { AppError } from '../http/errors';
import type { ImportReport } from './import';
import type { ParsedUpload, ParseRequest, WorkerError } from './import-parse';
import type { Task } from './import-worker';

export const poolLimits = {
  workers: Math.max(1, Math.min(4, os.availableParallelism() - 1)),
  /** Uploads waiting for a worker, beyond those being parsed. */
  queue: 4,
  /** Heap of one worker, MB: a 100,000-row sheet parses in well under this. */
  workerHeapMb: 1024,
  /** Seconds a refused upload is told to wait. */
  retryAfterSeconds: 5,
  /** An idle worker is stopped after this long, giving its memory back. */
  idleMs: 30_000,
};

type Answer =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: WorkerError | null; message?: string };

interface Job {
  task: Omit<Task, 'id'>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  idle: NodeJS.Timeout | null;
}

const WORKER_URL = new URL('./import-worker.ts', import.meta.url).href;

/**
 * The worker's code: the server runs its TypeScript through tsx, whose loader a worker does not
 * inherit, so the worker registers tsx first, then loads its module.
 */
const BOOT = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL)}); })`;

export class ImportPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;

  constructor(
    private readonly logger: Logger,
    private readonly limits = poolLimits,
  ) {}

  parse(request: ParseRequest): Promise<ParsedUpload> {
    return this.run({ kind: 'parse', request }) as Promise<ParsedUpload>;
  }

  result(request: ParseRequest & { report: ImportReport }): Promise<Buffer> {
    return (this.run({ kind: 'result', request }) as Promise<Uint8Array>).then((bytes) =>
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length),
    );
  }

  private run(task: Job['task']): Promise<unknown> {
    const busy = this.slots.filter((s) => s.job).length;
    if (busy >= this.limits.workers && this.queue.length >= this.limits.queue) {
      const seconds = this.limits.retryAfterSeconds;
      return Promise.reject(
        new AppError('busy', { seconds }, undefined, {
          headers: { 'Retry-After': String(seconds) },
        }),
      );
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.freeSlot();
      if (!slot) return;
      const job = this.queue.shift();
      if (!job) return;
      if (slot.idle) clearTimeout(slot.idle);
      slot.idle = null;
      slot.job = job;
      slot.worker.postMessage({ ...job.task, id: this.nextId++ });
    }
  }

  private freeSlot(): Slot | null {
    const free = this.slots.find((s) => !s.job);
    if (free) return free;
    if (this.slots.length >= this.limits.workers) return null;
    const slot = this.spawn();
    this.slots.push(slot);
    return slot;
  }

  private spawn(): Slot {
    const worker = new Worker(BOOT, {
      eval: true,
      resourceLimits: { maxOldGenerationSizeMb: this.limits.workerHeapMb },
    });
    worker.unref();
    const slot: Slot = { worker, job: null, idle: null };
    let parts: unknown[] = [];
    worker.on('message', (answer: Answer) => {
      if ('part' in answer) {
        parts.push(...(answer.part as unknown[]));
        // Ask for the next part only after others' requests had their turn.
        setImmediate(() => {
          worker.postMessage({ next: true });
        });
        return;
      }
      const job = slot.job;
      slot.job = null;
      const rows = parts;
      parts = [];
      if (job) {
        if (answer.ok)
          job.resolve(
            job.task.kind === 'parse' ? { ...(answer.value as object), rows } : answer.value,
          );
        else if (answer.error)
          job.reject(new AppError(answer.error.code, answer.error.params, answer.error.details));
        else job.reject(new Error(`import worker failed: ${answer.message ?? '?'}`));
      }
      this.idleLater(slot);
      this.dispatch();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const job = slot.job;
      slot.job = null;
      this.remove(slot);
      const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.logger.warn('import worker stopped', { error: error.message, outOfMemory });
      job?.reject(
        outOfMemory
          ? new AppError('file-too-complex', { limit: `${this.limits.workerHeapMb} MB` })
          : error,
      );
      this.dispatch();
    });
    worker.on('exit', () => {
      this.remove(slot);
    });
    return slot;
  }

  private idleLater(slot: Slot): void {
    if (slot.idle) clearTimeout(slot.idle);
    slot.idle = setTimeout(() => {
      if (!slot.job) void slot.worker.terminate();
    }, this.limits.idleMs);
    slot.idle.unref();
  }

  private remove(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    if (slot.idle) clearTimeout(slot.idle);
  }

  /** Stops every worker (tests, shutdown). */
  async close(): Promise<void> {
    const workers = this.slots.map((s) => s.worker);
    this.slots.length = 0;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

let shared: ImportPool | null = null;

/** The process's pool, started on the first upload. */
export function importPool(logger: Logger): ImportPool {
  shared ??= new ImportPool(logger);
  return shared;
}
