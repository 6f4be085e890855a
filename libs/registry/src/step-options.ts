// Each step's share of an entry, keyed by the step CLI's flag names. The Nx plugin writes these
// to one small JSON per step, so an edit re-runs only the steps whose share changed.
import type { DatasetEntry } from './dataset-entry.ts';

export const STEP_NAMES = ['ingest', 'prepare', 'train'] as const;
export type StepName = (typeof STEP_NAMES)[number];

export type StepOptions = Record<string, string | number | boolean>;

function withoutUndefined(values: Record<string, unknown>): StepOptions {
  const result: StepOptions = {};
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined) result[key] = value as string | number | boolean;
  }
  return result;
}

export function ingestOptions(entry: DatasetEntry): StepOptions {
  return withoutUndefined({ dataset: entry.name, url: entry.url, sha256: entry.sha256 });
}

export function prepareOptions(entry: DatasetEntry): StepOptions {
  return withoutUndefined({
    dataset: entry.name,
    'dataset-type': entry.datasetType,
    'target-column': entry.targetColumn,
    header: entry.header,
    columns: entry.columns?.join(','),
    delimiter: entry.delimiter,
    'test-size': entry.split.testSize,
    seed: entry.split.seed,
    stratify: entry.split.stratify,
  });
}

export function trainOptions(entry: DatasetEntry): StepOptions {
  return withoutUndefined({
    dataset: entry.name,
    'source-url': entry.url,
    'experiment-name': entry.experimentName,
    'model-type': entry.model.type,
    'model-params': JSON.stringify(entry.model.params),
  });
}

export const STEP_OPTIONS: Record<StepName, (entry: DatasetEntry) => StepOptions> = {
  ingest: ingestOptions,
  prepare: prepareOptions,
  train: trainOptions,
};
