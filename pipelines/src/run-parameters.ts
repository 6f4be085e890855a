// The run parameters a user sets in the Kubeflow UI, and their defaults from an entry of
// datasets.yaml when the pipeline is compiled for one dataset.
import { DATASET_TYPE_NAMES } from '@pipeline/dataset-types';
import { MODEL_TYPES, type DatasetEntry } from '@pipeline/registry';
import type { ParameterValue, RunParameter } from './build/pipeline-definition.ts';

type Defaults = Record<string, ParameterValue | undefined>;

const PARAMETERS: [string, RunParameter['type'], string][] = [
  ['dataset_name', 'STRING', "The dataset's name, used in log lines and MLflow run names."],
  ['data_url', 'STRING', 'Where to fetch the raw file: https://, http:// or file://.'],
  ['dataset_type', 'STRING', `How to read the raw file: ${DATASET_TYPE_NAMES.join(', ')}.`],
  ['target_column', 'STRING', 'The column to predict; every other column is a feature.'],
  ['experiment_name', 'STRING', 'The MLflow experiment that receives the run.'],
  ['sha256', 'STRING', "The raw file's sha256; a mismatch fails the run. Empty: no check."],
  ['test_size', 'NUMBER_DOUBLE', 'The test split: a fraction, or a whole number of rows.'],
  ['seed', 'NUMBER_INTEGER', "The split's random seed."],
  ['model_type', 'STRING', `The classifier: ${MODEL_TYPES.join(', ')}.`],
  ['mlflow_tracking_uri', 'STRING', 'Where train logs the MLflow run. Empty: inside the pod.'],
];

function entryDefaults(entry: DatasetEntry, trackingUri: string | undefined): Defaults {
  return {
    dataset_name: entry.name,
    data_url: entry.url,
    dataset_type: entry.datasetType,
    target_column: entry.targetColumn,
    experiment_name: entry.experimentName,
    sha256: entry.sha256 ?? '',
    test_size: entry.split.testSize,
    seed: entry.split.seed,
    model_type: entry.model.type,
    // Empty means the store inside the train container, which lives only as long as the pod.
    mlflow_tracking_uri: trackingUri ?? '',
  };
}

/** Without an entry only a given tracking URI has a default; the user supplies the rest. */
export function runParameters(
  entry: DatasetEntry | undefined,
  trackingUri?: string,
): Record<string, RunParameter> {
  const defaults: Defaults =
    entry === undefined ? { mlflow_tracking_uri: trackingUri } : entryDefaults(entry, trackingUri);
  const parameters: Record<string, RunParameter> = {};
  for (const [name, type, description] of PARAMETERS) {
    const defaultValue = defaults[name];
    parameters[name] =
      defaultValue === undefined ? { type, description } : { type, description, defaultValue };
  }
  return parameters;
}
