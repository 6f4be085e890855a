// The generic delimited-text type: columns from the header row or from the entry's `columns`.
import { createCsvDatasetType } from './csv/csv-dataset-type.ts';

export const csvDatasetType = createCsvDatasetType('csv');
