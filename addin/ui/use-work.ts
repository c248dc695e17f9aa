// Runs one piece of long work at a time (a push, a pull…): tracks progress, offers cancel through
// an AbortSignal, and turns a failure into a notice instead of an exception in the UI.
import { useCallback, useRef, useState } from 'react';
import type { Progress, WorkOptions } from '../app-api';

type NoticeIntent = 'success' | 'info' | 'warning' | 'error';

export interface Notice {
  intent: NoticeIntent;
  text: string;
  /** A follow-up the user may take from the notice (e.g. overwrite edited cells). */
  action?: { label: string; testId: string; run: () => void };
}

interface WorkState {
  /** The label of the work running, or null when idle. */
  busy: string | null;
  progress: Progress | null;
  notices: Notice[];
  cancellable: boolean;
  /** How many pieces of work have finished, failed or not (lets tests and screen readers follow). */
  finished: number;
  /** Why the last piece of work failed, in the user's language; null when it did not. */
  failure: string | null;
}

export interface WorkRunner extends WorkState {
  /** Runs `task`; answers its result, or null when it failed (the failure becomes a notice). */
  run: <T>(
    label: string,
    task: (options: Required<WorkOptions>) => Promise<T>,
    opts?: { cancellable?: boolean },
  ) => Promise<T | null>;
  cancel: () => void;
  notify: (...notices: Notice[]) => void;
  dismiss: (index: number) => void;
}

export function useWork(describeError: (error: unknown) => string): WorkRunner {
  const [state, setState] = useState<WorkState>({
    busy: null,
    progress: null,
    notices: [],
    cancellable: false,
    finished: 0,
    failure: null,
  });
  const controller = useRef<AbortController | null>(null);

  const run = useCallback<WorkRunner['run']>(
    async (label, task, opts) => {
      if (controller.current) return null; // one piece of work at a time
      const abort = new AbortController();
      controller.current = abort;
      setState((s) => ({
        ...s,
        busy: label,
        progress: null,
        notices: [],
        cancellable: opts?.cancellable ?? false,
        failure: null,
      }));
      const onProgress = (progress: Progress) => {
        setState((s) => ({ ...s, progress }));
      };
      try {
        return await task({ onProgress, signal: abort.signal });
      } catch (error) {
        const text = describeError(error);
        setState((s) => ({
          ...s,
          notices: [{ intent: abort.signal.aborted ? 'info' : 'error', text }],
          failure: text,
        }));
        return null;
      } finally {
        controller.current = null;
        setState((s) => ({
          ...s,
          busy: null,
          progress: null,
          cancellable: false,
          finished: s.finished + 1,
        }));
      }
    },
    [describeError],
  );

  const cancel = useCallback(() => {
    controller.current?.abort();
  }, []);
  const notify = useCallback((...notices: Notice[]) => {
    setState((s) => ({ ...s, notices }));
  }, []);
  const dismiss = useCallback((index: number) => {
    setState((s) => ({ ...s, notices: s.notices.filter((_, i) => i !== index) }));
  }, []);

  return { ...state, run, cancel, notify, dismiss };
}
