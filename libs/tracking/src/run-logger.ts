// The handle a training step logs through: the run id is bound, values are typed, and large
// batches are split to fit MLflow's per-request limits.
import type {
  CreatedRun,
  DatasetInput,
  MetricPoint,
  TrackingBackend,
} from './tracking-backend.ts';

/** MLflow's log-batch limits; the tracking server rejects larger requests. */
export const BATCH_LIMITS = { params: 100, metrics: 1000, tags: 100 } as const;

export type ParamValue = string | number | boolean;

export interface RunLogger {
  readonly runId: string;
  readonly experimentId: string;
  readonly artifactUri: string;
  logParams(params: Record<string, ParamValue>): Promise<void>;
  /** All values share one step and the current time. */
  logMetrics(metrics: Record<string, number>, step?: number): Promise<void>;
  logMetricPoints(points: MetricPoint[]): Promise<void>;
  setTags(tags: Record<string, string>): Promise<void>;
  logInputs(inputs: DatasetInput[]): Promise<void>;
  logArtifactFile(localPath: string, artifactDir?: string): Promise<void>;
  logArtifactDirectory(localDir: string, artifactPath: string): Promise<void>;
  logModel(
    localModelDir: string,
    artifactPath: string,
    mlmodel: Record<string, unknown>,
  ): Promise<void>;
}

function chunksOf<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    chunks.push(items.slice(start, start + size));
  }
  return chunks;
}

export function createRunLogger(
  backend: TrackingBackend,
  run: CreatedRun,
  clock: () => number = Date.now,
): RunLogger {
  const { runId } = run;
  const logMetricPoints = async (points: MetricPoint[]) => {
    for (const chunk of chunksOf(points, BATCH_LIMITS.metrics)) {
      await backend.logBatch(runId, { metrics: chunk });
    }
  };
  return {
    ...run,
    async logParams(params) {
      const entries = Object.entries(params).map(([key, value]) => [key, String(value)]);
      for (const chunk of chunksOf(entries, BATCH_LIMITS.params)) {
        await backend.logBatch(runId, { params: Object.fromEntries(chunk) });
      }
    },
    async logMetrics(metrics, step = 0) {
      const timestamp = clock();
      await logMetricPoints(
        Object.entries(metrics).map(([key, value]) => ({ key, value, timestamp, step })),
      );
    },
    logMetricPoints,
    async setTags(tags) {
      for (const chunk of chunksOf(Object.entries(tags), BATCH_LIMITS.tags)) {
        await backend.logBatch(runId, { tags: Object.fromEntries(chunk) });
      }
    },
    logInputs: (inputs) => backend.logInputs(runId, inputs),
    logArtifactFile: (localPath, artifactDir) =>
      backend.logArtifactFile(runId, localPath, artifactDir),
    logArtifactDirectory: (localDir, artifactPath) =>
      backend.logArtifactDirectory(runId, localDir, artifactPath),
    logModel: (localModelDir, artifactPath, mlmodel) =>
      backend.logModel(runId, localModelDir, artifactPath, mlmodel),
  };
}
