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

/** Where each feature's text sits in `bytes`, for writers that copy rather than reformat. */
export interface FeatureText {
  bytes: Uint8Array;
  /**
   * Value i's text is bytes[spans[2i], spans[2i + 1]), written exactly as String(value) would
   * write it; a start of -1 means the text differs, so write String(value).
   */
  spans: Int32Array;
}

/** Consecutive data rows of the raw file, validated like `records`. */
export interface RecordBatch {
  readonly size: number;
  readonly featureCount: number;
  /** 1-based line where each row starts. */
  readonly lines: Float64Array;
  /** Row r's feature f is values[r * featureCount + f]. */
  readonly values: Float64Array;
  /** Each row's label, as an index into `labels`. */
  readonly labelIds: Uint32Array;
  /** Every label met so far in the file, in order of first appearance; later batches add more. */
  readonly labels: readonly string[];
  /** Only when asked for with `batches({ featureText: true })`. */
  readonly featureText?: FeatureText;
}

export interface BatchOptions {
  /** Keep where each feature's text is, so a writer can copy bytes instead of formatting. */
  featureText?: boolean;
}

export interface OpenedDataset {
  /** Every column except the target, in file order. */
  featureNames: string[];
  /**
   * The data rows, validated one at a time. Iterate to the end (or stop early with `break`),
   * which also closes the input stream.
   */
  records: AsyncIterable<RawRecord>;
  /**
   * The same rows many at a time, for passes over large files. Iterate either this or
   * `records`, once.
   */
  batches(options?: BatchOptions): AsyncIterable<RecordBatch>;
}

export interface DatasetType {
  readonly name: string;
  /** Reads just far enough to know the columns; rows are parsed as `records` is iterated. */
  open(input: RawInput, options: DatasetTypeOptions): Promise<OpenedDataset>;
}
