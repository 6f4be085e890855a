// The UCI iris.data file: four measurements and the species, no header, a blank last line.
import { createCsvDatasetType } from './csv/csv-dataset-type.ts';

export const irisDatasetType = createCsvDatasetType('iris', {
  columns: ['sepal_length', 'sepal_width', 'petal_length', 'petal_width', 'species'],
  delimiter: ',',
});
