// The names under which the train step publishes its evaluation to Kubeflow. The pipeline spec
// declares outputs with these names, and the step writes their metadata, so both import them.
export const METRICS_ARTIFACT = 'metrics';
export const CONFUSION_MATRIX_ARTIFACT = 'confusion_matrix';

/** KFP's artifact types whose metadata the Kubeflow UI draws: a table and a matrix. */
export const METRICS_ARTIFACT_TYPE = 'system.Metrics';
export const CONFUSION_MATRIX_ARTIFACT_TYPE = 'system.ClassificationMetrics';
