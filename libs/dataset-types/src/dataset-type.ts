// What every dataset type provides: a reader from one raw-file format to labelled numeric records.
import type { Readable } from 'node:stream';

/** One data row of the raw file: numeric features in column order and its class label. */
export interface RawRecord {
  /** 1-based line of the raw file where the row starts. */
  line: number;
  features: number[];
  label: string;
}

/** How an entry of datasets.yaml describes its raw file. */
export interface DatasetTypeOptions {
  dataset: string;
  targetColumn: string;
  /** Whether the first row names the columns (csv only; default true). */
  header?: boolean;
  /** Column names, required when there is no header (csv only). */
  columns?: string[];
  /** Field separator (csv only; default ','). */
  delimiter?: string;
}

/** The bytes of a raw file, and the name to show in errors about it. */
export interface RawInput {
  file: string;
  stream: Readable;
}

export interface OpenedDataset {
  /** Every column except the target, in file order. */
  featureNames: string[];
  /**
   * The data rows, validated one at a time. Iterate to the end (or stop early with `break`),
   * which also closes the input stream.
   */
  records: AsyncIterable<RawRecord>;
}

export interface DatasetType {
  readonly name: string;
  /** Reads just far enough to know the columns; rows are parsed as `records` is iterated. */
  open(input: RawInput, options: DatasetTypeOptions): Promise<OpenedDataset>;
}
