export {
  CONFUSION_MATRIX_ARTIFACT,
  CONFUSION_MATRIX_ARTIFACT_TYPE,
  METRICS_ARTIFACT,
  METRICS_ARTIFACT_TYPE,
} from './train-output-artifacts.ts';
export { parseExecutorInput } from './executor-input.ts';
export type { KubeflowExecutorInput, OutputArtifactRef } from './executor-input.ts';
export {
  confusionMatrixMetadata,
  readTrainMetrics,
  scalarMetricsMetadata,
} from './metrics-metadata.ts';
export type { TrainMetrics } from './metrics-metadata.ts';
export { publishTrainMetrics, TRAIN_PUBLISHED_ARTIFACTS } from './publish-train-metrics.ts';
