// Dataset types: readers from a raw-file format to labelled numeric records.
export { DATASET_TYPE_NAMES, getDatasetType } from './dataset-type-list.ts';
export type {
  BatchOptions,
  DatasetType,
  DatasetTypeOptions,
  FeatureText,
  OpenedDataset,
  RawInput,
  RawRecord,
  RecordBatch,
} from './dataset-type.ts';
export { createCsvDatasetType } from './csv/csv-dataset-type.ts';
export type { CsvPreset } from './csv/csv-settings.ts';
