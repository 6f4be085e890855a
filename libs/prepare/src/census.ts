// Pass 1 over the raw file: validates every row, counts the rows of each class and fingerprints
// the bytes. Memory grows with the number of classes, never with the number of rows.
import type { DatasetType, DatasetTypeOptions } from '@pipeline/dataset-types';
import { openFingerprinted, type RawFileFingerprint } from './raw-file-input.ts';

export interface Census {
  featureNames: string[];
  /**
   * Sorted by JavaScript string order (UTF-16 code units, so '10' sorts before '9'); the
   * encoded label of a class is its index here.
   */
  classes: string[];
  /** Rows per class, in the order of `classes`. */
  classCounts: number[];
  total: number;
  input: RawFileFingerprint;
}

export async function takeCensus(
  datasetType: DatasetType,
  inputFile: string,
  options: DatasetTypeOptions,
): Promise<Census> {
  const raw = openFingerprinted(inputFile);
  const opened = await datasetType.open(raw.input, options);
  const counts = new Map<string, number>();
  let total = 0;
  for await (const record of opened.records) {
    counts.set(record.label, (counts.get(record.label) ?? 0) + 1);
    total += 1;
  }

  const classes = [...counts.keys()].sort();
  return {
    featureNames: opened.featureNames,
    classes,
    classCounts: classes.map((name) => counts.get(name)!),
    total,
    input: raw.fingerprint(),
  };
}
