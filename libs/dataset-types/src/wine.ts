// The UCI wine.data file: the class (1, 2 or 3) first, then thirteen measurements, no header.
import { createCsvDatasetType } from './csv/csv-dataset-type.ts';

export const wineDatasetType = createCsvDatasetType('wine', {
  columns: [
    'class',
    'alcohol',
    'malic_acid',
    'ash',
    'alcalinity_of_ash',
    'magnesium',
    'total_phenols',
    'flavanoids',
    'nonflavanoid_phenols',
    'proanthocyanins',
    'color_intensity',
    'hue',
    'od280_od315_of_diluted_wines',
    'proline',
  ],
  delimiter: ',',
});
