// @pipeline/tracking: MLflow run tracking behind one backend-neutral interface, with the
// local file-store and tracking-server backends and the MLFLOW_TRACKING_URI resolution.
export type {
  CreateRunInput,
  CreatedRun,
  DatasetColumn,
  DatasetColumnType,
  DatasetInput,
  LogBatch,
  MetricPoint,
  RunStatus,
  TrackingBackend,
} from './tracking-backend.ts';
export { MLFLOW_TAGS } from './tracking-backend.ts';
export { trackWithRun } from './track-with-run.ts';
export type { TrackedRunOptions } from './track-with-run.ts';
export { createRunLogger, BATCH_LIMITS } from './run-logger.ts';
export type { ParamValue, RunLogger } from './run-logger.ts';
export { currentUser, runContextTags } from './run-context.ts';
export { resolveStoreLocation, resolveTrackingBackend } from './resolve-tracking-backend.ts';
export { redactTrackingUri } from './redact-tracking-uri.ts';
export { FileStoreBackend } from './file-store/file-store-backend.ts';
export { TrackingServerBackend } from './tracking-server/server-backend.ts';
export type { StoreLocation } from './file-store/store-layout.ts';
export { toMlflowDatasetInput } from './mlflow-dataset.ts';
export type { MlflowDataset, MlflowDatasetInput } from './mlflow-dataset.ts';
export { formatPythonFloat, toPythonJson } from './python-formatting.ts';
