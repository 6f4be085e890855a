// The TrackingBackend for MLflow's local file store (`./mlruns`), the folder `mlflow ui` reads.
import { isPipelineError, PipelineError } from '@pipeline/errors';
import { toPythonJson } from '../python-formatting.ts';
import {
  MLFLOW_TAGS,
  type CreateRunInput,
  type CreatedRun,
  type DatasetInput,
  type LogBatch,
  type RunStatus,
  type TrackingBackend,
} from '../tracking-backend.ts';
import { getOrCreateExperimentId } from './experiments.ts';
import {
  copyArtifactDirectory,
  copyArtifactFile,
  copyModelDirectory,
  localArtifactRoot,
} from './run-artifacts.ts';
import { writeDatasetInputs } from './run-inputs.ts';
import { createRunRecord, endRunRecord, findRunRecord, updateRunMeta } from './run-records.ts';
import type { StoredRun } from './run-records.ts';
import { appendMetrics, readTag, writeParams, writeTags } from './run-values.ts';
import { experimentDir, type StoreLocation } from './store-layout.ts';

export class FileStoreBackend implements TrackingBackend {
  readonly displayUri: string;
  private readonly runs = new Map<string, StoredRun>();
  /** Writes to one run are chained, because metric files and tags are read, then rewritten. */
  private readonly runQueues = new Map<string, Promise<unknown>>();

  constructor(private readonly store: StoreLocation) {
    this.displayUri = store.artifactRoot;
  }

  getOrCreateExperiment(name: string): Promise<string> {
    return this.guard('find or create the experiment', () =>
      getOrCreateExperimentId(this.store, name),
    );
  }

  createRun(input: CreateRunInput): Promise<CreatedRun> {
    return this.guard('create the run', async () => {
      const run = await createRunRecord(this.store, input);
      this.runs.set(run.runId, run);
      return { runId: run.runId, experimentId: run.experimentId, artifactUri: run.artifactUri };
    });
  }

  logBatch(runId: string, batch: LogBatch): Promise<void> {
    return this.onRun(runId, 'log params, metrics and tags', async (run) => {
      if (batch.params) await writeParams(run.runDir, batch.params);
      if (batch.metrics) await appendMetrics(run.runDir, batch.metrics);
      if (!batch.tags) return;
      await writeTags(run.runDir, batch.tags);
      const runName = batch.tags[MLFLOW_TAGS.runName];
      // MLflow keeps the run name in meta.yaml and in its tag; the two must not drift apart.
      if (runName !== undefined) await updateRunMeta(run.runDir, { run_name: runName });
    });
  }

  logInputs(runId: string, inputs: DatasetInput[]): Promise<void> {
    return this.onRun(runId, 'log the dataset inputs', (run) =>
      writeDatasetInputs(experimentDir(this.store, run.experimentId), run, inputs),
    );
  }

  logArtifactFile(runId: string, localPath: string, artifactDir?: string): Promise<void> {
    return this.onRun(runId, `log the artifact ${localPath}`, (run) =>
      copyArtifactFile(localArtifactRoot(run.artifactUri), localPath, artifactDir),
    );
  }

  logArtifactDirectory(runId: string, localDir: string, artifactPath: string): Promise<void> {
    return this.onRun(runId, `log the artifacts in ${localDir}`, (run) =>
      copyArtifactDirectory(localArtifactRoot(run.artifactUri), localDir, artifactPath),
    );
  }

  logModel(
    runId: string,
    localModelDir: string,
    artifactPath: string,
    mlmodel: Record<string, unknown>,
  ): Promise<void> {
    return this.onRun(runId, `log the model in ${localModelDir}`, async (run) => {
      const artifactRoot = localArtifactRoot(run.artifactUri);
      await copyModelDirectory(artifactRoot, localModelDir, artifactPath, mlmodel);
      const history = await readTag(run.runDir, MLFLOW_TAGS.logModelHistory);
      const entries = history ? (JSON.parse(history) as unknown[]) : [];
      const tags = { [MLFLOW_TAGS.logModelHistory]: toPythonJson([...entries, mlmodel]) };
      await writeTags(run.runDir, tags);
    });
  }

  endRun(runId: string, status: RunStatus, endTime: number): Promise<void> {
    return this.onRun(runId, `mark the run ${status}`, (run) =>
      endRunRecord(run.runDir, status, endTime),
    );
  }

  private onRun<T>(runId: string, action: string, work: (run: StoredRun) => Promise<T>) {
    const previous = this.runQueues.get(runId) ?? Promise.resolve();
    const next = previous.then(() =>
      this.guard(action, async () => work(await this.locateRun(runId))),
    );
    this.runQueues.set(runId, next.catch(() => undefined));
    return next;
  }

  private async locateRun(runId: string): Promise<StoredRun> {
    const known = this.runs.get(runId);
    if (known) return known;
    const found = await findRunRecord(this.store, runId);
    this.runs.set(runId, found);
    return found;
  }

  /** Filesystem failures become one error that says which store and what to check. */
  private async guard<T>(action: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isPipelineError(error)) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new PipelineError(
        'TRACKING_FAILED',
        `could not ${action} in the MLflow store ${this.displayUri}: ${reason}`,
        {
          cause: error,
          hint: 'Check that the folder is writable, or set MLFLOW_TRACKING_URI to another store.',
        },
      );
    }
  }
}
