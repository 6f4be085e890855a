import { describe, expect, it } from 'vitest';
import { PipelineError } from '@pipeline/errors';
import { BATCH_LIMITS } from './run-logger.ts';
import { trackWithRun } from './track-with-run.ts';
import type { CreateRunInput, LogBatch, RunStatus, TrackingBackend } from './tracking-backend.ts';

/** Records every call in memory; `failEndRun` makes ending a run fail like a full disk. */
class RecordingBackend implements TrackingBackend {
  readonly displayUri = 'memory:';
  readonly created: CreateRunInput[] = [];
  readonly batches: LogBatch[] = [];
  readonly ended: { runId: string; status: RunStatus; endTime: number }[] = [];

  constructor(private readonly failEndRun = false) {}

  async getOrCreateExperiment(name: string) {
    return `experiment:${name}`;
  }
  async createRun(input: CreateRunInput) {
    this.created.push(input);
    return { runId: 'run-1', experimentId: input.experimentId, artifactUri: 'memory:/run-1' };
  }
  async logBatch(_runId: string, batch: LogBatch) {
    this.batches.push(batch);
  }
  async logInputs() {}
  async logArtifactFile() {}
  async logArtifactDirectory() {}
  async logModel() {}
  async endRun(runId: string, status: RunStatus, endTime: number) {
    if (this.failEndRun) throw new PipelineError('TRACKING_FAILED', 'disk full');
    this.ended.push({ runId, status, endTime });
  }
}

function tickingClock(start: number): () => number {
  let now = start;
  return () => (now += 10);
}

const OPTIONS = { experimentName: 'iris', runName: 'iris-nb', endOnSignal: false };

describe('trackWithRun', () => {
  it('creates the run in the named experiment and ends it FINISHED after the work', async () => {
    const backend = new RecordingBackend();
    const clock = tickingClock(1_000);
    const result = await trackWithRun(backend, { ...OPTIONS, clock }, async (run) => {
      expect(backend.ended).toEqual([]);
      return run.runId;
    });
    expect(result).toBe('run-1');
    expect(backend.created[0]).toMatchObject({
      experimentId: 'experiment:iris',
      runName: 'iris-nb',
      startTime: 1_010,
    });
    expect(backend.ended).toEqual([{ runId: 'run-1', status: 'FINISHED', endTime: 1_020 }]);
  });

  it('ends the run FAILED with an end time and rethrows the original error', async () => {
    const backend = new RecordingBackend();
    const failure = new Error('training diverged');
    const tracked = trackWithRun(backend, { ...OPTIONS, clock: tickingClock(0) }, async () => {
      throw failure;
    });
    await expect(tracked).rejects.toBe(failure);
    expect(backend.ended).toEqual([{ runId: 'run-1', status: 'FAILED', endTime: 20 }]);
  });

  it('rethrows the work error and warns when the run cannot be marked FAILED', async () => {
    const failure = new Error('training diverged');
    const warnings: string[] = [];
    const options = { ...OPTIONS, warn: (message: string) => warnings.push(message) };
    const tracked = trackWithRun(new RecordingBackend(true), options, async () => {
      throw failure;
    });
    await expect(tracked).rejects.toBe(failure);
    expect(warnings).toEqual([
      'could not mark run run-1 FAILED, so MLflow shows it RUNNING: disk full',
    ]);
  });

  it('reports a failure to end a successful run', async () => {
    const tracked = trackWithRun(new RecordingBackend(true), OPTIONS, async () => 'done');
    await expect(tracked).rejects.toMatchObject({ code: 'TRACKING_FAILED' });
  });

  it('tags the run with user, source and source type, and lets caller tags win', async () => {
    const backend = new RecordingBackend();
    const tags = { team: 'ml', 'mlflow.source.name': 'train' };
    const sourceName = 'apps/train/src/main.ts';
    await trackWithRun(backend, { ...OPTIONS, tags, sourceName }, async () => {});
    const created = backend.created[0];
    expect(created?.tags).toMatchObject({
      team: 'ml',
      'mlflow.source.name': 'train',
      'mlflow.source.type': 'LOCAL',
      'mlflow.user': created?.userId,
    });
    expect(created?.userId).not.toBe('');
  });
});

describe('the run logger', () => {
  it('stringifies params and splits batches at the tracking server limits', async () => {
    const backend = new RecordingBackend();
    const params = Object.fromEntries(
      Array.from({ length: BATCH_LIMITS.params + 1 }, (_, index) => [`p${index}`, index]),
    );
    await trackWithRun(backend, OPTIONS, async (run) => {
      await run.logParams(params);
      await run.logParams({ verbose: true });
    });
    const paramBatches = backend.batches.map((batch) => batch.params ?? {});
    expect(paramBatches.map((batch) => Object.keys(batch).length)).toEqual([100, 1, 1]);
    expect(paramBatches[1]).toEqual({ p100: '100' });
    expect(paramBatches[2]).toEqual({ verbose: 'true' });
  });

  it('logs metrics with one step and one timestamp per call', async () => {
    const backend = new RecordingBackend();
    await trackWithRun(backend, { ...OPTIONS, clock: () => 42 }, async (run) => {
      await run.logMetrics({ loss: 0.5, accuracy: 0.9 }, 3);
    });
    expect(backend.batches).toEqual([
      {
        metrics: [
          { key: 'loss', value: 0.5, step: 3, timestamp: 42 },
          { key: 'accuracy', value: 0.9, step: 3, timestamp: 42 },
        ],
      },
    ]);
  });

  it('splits long metric histories into batches of at most 1000 points', async () => {
    const backend = new RecordingBackend();
    const points = Array.from({ length: 2_500 }, (_, step) => ({
      key: 'loss',
      value: 1 / (step + 1),
      step,
      timestamp: step,
    }));
    await trackWithRun(backend, OPTIONS, (run) => run.logMetricPoints(points));
    expect(backend.batches.map((batch) => batch.metrics?.length)).toEqual([1000, 1000, 500]);
    expect(backend.batches.flatMap((batch) => batch.metrics)).toEqual(points);
  });
});
