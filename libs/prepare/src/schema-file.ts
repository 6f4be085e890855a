// schema.json: what the prepared files hold and how they were made, for the train step and for
// anyone checking a run. Keys are written in a fixed order so equal inputs give equal bytes.
import type { Census } from './census.ts';
import type { SplitOptions } from './split-options.ts';
import type { WrittenCounts } from './split-writer.ts';

export interface PreparedSchema {
  dataset: string;
  datasetType: string;
  targetColumn: string;
  features: string[];
  /** The encoded label of a class is its index in this list (sorted by string order). */
  classes: string[];
  rows: { total: number; train: number; test: number };
  classCounts: { total: number[]; train: number[]; test: number[] };
  split: SplitOptions;
  input: { sha256: string; bytes: number };
}

export interface SchemaSource {
  dataset: string;
  datasetType: string;
  targetColumn: string;
  census: Census;
  written: WrittenCounts;
  split: SplitOptions;
}

const sum = (counts: number[]) => counts.reduce((total, count) => total + count, 0);

export function buildSchema(source: SchemaSource): PreparedSchema {
  const { census, written, split } = source;
  return {
    dataset: source.dataset,
    datasetType: source.datasetType,
    targetColumn: source.targetColumn,
    features: census.featureNames,
    classes: census.classes,
    rows: { total: census.total, train: sum(written.train), test: sum(written.test) },
    classCounts: { total: census.classCounts, train: written.train, test: written.test },
    split: { testSize: split.testSize, seed: split.seed, stratify: split.stratify },
    input: { sha256: census.input.sha256, bytes: census.input.bytes },
  };
}

export function schemaFileText(schema: PreparedSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
