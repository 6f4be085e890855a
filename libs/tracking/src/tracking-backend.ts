// The one interface every MLflow tracking backend implements (the local file store and a
// tracking server), phrased in MLflow's own run, param, metric and tag terms.

export type RunStatus = 'FINISHED' | 'FAILED' | 'KILLED';

export interface MetricPoint {
  key: string;
  value: number;
  /** Milliseconds since the epoch. */
  timestamp: number;
  step: number;
}

export interface LogBatch {
  params?: Record<string, string>;
  metrics?: MetricPoint[];
  tags?: Record<string, string>;
}

/** MLflow's column types for a dataset schema (`mlflow_colspec`). */
export type DatasetColumnType =
  | 'boolean'
  | 'integer'
  | 'long'
  | 'float'
  | 'double'
  | 'string'
  | 'binary'
  | 'datetime';

export interface DatasetColumn {
  name: string;
  type: DatasetColumnType;
  /** Defaults to true, as MLflow's schema inference does. */
  required?: boolean;
}

/** A dataset a run used, shown in the MLflow UI's "Datasets used" panel. */
export interface DatasetInput {
  name: string;
  /** A short content hash; MLflow allows at most 36 characters. */
  digest: string;
  /** Where the data came from, e.g. "http" or "local". */
  sourceType: string;
  /** Stored as JSON, e.g. `{ url: "https://..." }`. */
  source: Record<string, unknown>;
  schema?: DatasetColumn[];
  /** Stored as JSON, e.g. `{ num_rows: 150, num_elements: 750 }`. */
  profile?: Record<string, unknown>;
  /** The `mlflow.data.context` tag: "training", "validation", "test". */
  context?: string;
}

export interface CreateRunInput {
  experimentId: string;
  runName: string;
  userId: string;
  /** Milliseconds since the epoch. */
  startTime: number;
  tags: Record<string, string>;
}

export interface CreatedRun {
  runId: string;
  experimentId: string;
  artifactUri: string;
}

export interface TrackingBackend {
  /** The tracking URI without credentials, safe to print. */
  readonly displayUri: string;
  /** The id of the active experiment with this name, created if there is none. */
  getOrCreateExperiment(name: string): Promise<string>;
  createRun(input: CreateRunInput): Promise<CreatedRun>;
  /** Params are write-once: re-logging the same value is fine, a different value is an error. */
  logBatch(runId: string, batch: LogBatch): Promise<void>;
  logInputs(runId: string, inputs: DatasetInput[]): Promise<void>;
  /** Stores the file as `<artifactDir>/<file name>` among the run's artifacts. */
  logArtifactFile(runId: string, localPath: string, artifactDir?: string): Promise<void>;
  /** Stores the folder's contents under `<artifactPath>/`. */
  logArtifactDirectory(runId: string, localDir: string, artifactPath: string): Promise<void>;
  /**
   * Stores the model folder under `<artifactPath>/` with an `MLmodel` file written from `mlmodel`,
   * and appends `mlmodel` to the run's `mlflow.log-model.history` tag, which the UI's Models
   * column reads. A tracking server with logged models (MLflow 3) gets a logged model named
   * `artifactPath` instead, linked to the run as its output.
   */
  logModel(
    runId: string,
    localModelDir: string,
    artifactPath: string,
    mlmodel: Record<string, unknown>,
  ): Promise<void>;
  endRun(runId: string, status: RunStatus, endTime: number): Promise<void>;
}

/** Run tag keys that MLflow's UI and clients read. */
export const MLFLOW_TAGS = {
  runName: 'mlflow.runName',
  user: 'mlflow.user',
  sourceName: 'mlflow.source.name',
  sourceType: 'mlflow.source.type',
  logModelHistory: 'mlflow.log-model.history',
  datasetContext: 'mlflow.data.context',
} as const;
