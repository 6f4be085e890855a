// The one list of dataset types: a new raw-file format is a new module added here.
import { closest } from 'fastest-levenshtein';
import { PipelineError } from '@pipeline/errors';
import { csvDatasetType } from './csv.ts';
import type { DatasetType } from './dataset-type.ts';
import { irisDatasetType } from './iris.ts';
import { wineDatasetType } from './wine.ts';

const DATASET_TYPES: readonly DatasetType[] = [csvDatasetType, irisDatasetType, wineDatasetType];

/** Every accepted `dataset_type`; the registry's schema validates entries against it. */
export const DATASET_TYPE_NAMES = DATASET_TYPES.map((type) => type.name) as unknown as readonly [
  string,
  ...string[],
];

export function getDatasetType(name: string): DatasetType {
  const found = DATASET_TYPES.find((type) => type.name === name);
  if (found) return found;
  const suggestion = closest(name, [...DATASET_TYPE_NAMES]);
  throw new PipelineError(
    'UNKNOWN_DATASET_TYPE',
    `unknown dataset type '${name}'; known types: ${DATASET_TYPE_NAMES.join(', ')}`,
    {
      field: 'dataset_type',
      hint: `Did you mean '${suggestion}'? Fix \`dataset_type\` of the entry in datasets.yaml.`,
    },
  );
}
