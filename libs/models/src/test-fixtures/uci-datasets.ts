// Test fixture: the UCI iris and wine files shipped in vendor/, as rows and class indices.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from '@pipeline/test-support';

export interface LabelledRows {
  features: string[];
  classes: string[];
  rows: number[][];
  labels: number[];
}

const IRIS_FEATURES = ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'];
const WINE_FEATURES = [
  'alcohol', 'malic_acid', 'ash', 'alcalinity_of_ash', 'magnesium', 'total_phenols',
  'flavanoids', 'nonflavanoid_phenols', 'proanthocyanins', 'color_intensity', 'hue',
  'od280_od315', 'proline',
];

async function readRecords(fileName: string): Promise<string[][]> {
  const text = await readFile(join(WORKSPACE_ROOT, 'vendor', 'datasets', fileName), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.split(','));
}

function labelled(
  features: string[],
  records: { values: string[]; label: string }[],
): LabelledRows {
  const classes = [...new Set(records.map((record) => record.label))];
  return {
    features,
    classes,
    rows: records.map((record) => record.values.map(Number)),
    labels: records.map((record) => classes.indexOf(record.label)),
  };
}

/** Four measurements, then the species. */
export async function readIris(): Promise<LabelledRows> {
  const records = await readRecords('iris.data');
  return labelled(
    IRIS_FEATURES,
    records.map((fields) => ({ values: fields.slice(0, 4), label: fields[4]! })),
  );
}

/** The cultivar first, then thirteen measurements (some written like `.28`). */
export async function readWine(): Promise<LabelledRows> {
  const records = await readRecords('wine.data');
  return labelled(
    WINE_FEATURES,
    records.map((fields) => ({ values: fields.slice(1), label: fields[0]! })),
  );
}
