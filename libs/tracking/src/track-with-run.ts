// One MLflow run around a piece of work: created before it, always ended after it, FINISHED on
// success and FAILED (with the original error rethrown) on failure.
import { endRunOnSignal } from './end-run-on-signal.ts';
import { currentUser, runContextTags } from './run-context.ts';
import { createRunLogger, type RunLogger } from './run-logger.ts';
import type { TrackingBackend } from './tracking-backend.ts';

export interface TrackedRunOptions {
  experimentName: string;
  runName: string;
  tags?: Record<string, string>;
  /** The `mlflow.source.name` tag; defaults to the running script. */
  sourceName?: string;
  /** Milliseconds since the epoch; replaceable so tests control time. */
  clock?: () => number;
  /** Mark the run KILLED on SIGINT/SIGTERM (default true). */
  endOnSignal?: boolean;
  /** Told when a failed run could not be marked FAILED, so the user knows it shows RUNNING. */
  warn?: (message: string) => void;
}

export async function trackWithRun<T>(
  backend: TrackingBackend,
  options: TrackedRunOptions,
  work: (run: RunLogger) => Promise<T>,
): Promise<T> {
  const clock = options.clock ?? Date.now;
  const experimentId = await backend.getOrCreateExperiment(options.experimentName);
  const userId = currentUser();
  const run = await backend.createRun({
    experimentId,
    runName: options.runName,
    userId,
    startTime: clock(),
    tags: { ...runContextTags(userId, options.sourceName), ...options.tags },
  });

  const stopWatching =
    options.endOnSignal === false ? () => {} : endRunOnSignal(backend, run.runId, clock);
  let result: T;
  try {
    result = await work(createRunLogger(backend, run, clock));
  } catch (error) {
    stopWatching();
    // The caller needs the error that broke the work, not a later one from the store.
    await backend.endRun(run.runId, 'FAILED', clock()).catch((endError: unknown) => {
      const reason = endError instanceof Error ? endError.message : String(endError);
      options.warn?.(
        `could not mark run ${run.runId} FAILED, so MLflow shows it RUNNING: ${reason}`,
      );
    });
    throw error;
  }

  stopWatching();
  await backend.endRun(run.runId, 'FINISHED', clock());
  return result;
}
