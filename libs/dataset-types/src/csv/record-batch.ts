// Rows read many at a time: features in one flat array and labels as small integers, so a pass
// over millions of rows allocates once per chunk of the file instead of once per row.
import type { FeatureText, RawRecord, RecordBatch } from '../dataset-type.ts';

const SPACE = 0x20;
const QUOTE = 0x22;
const LAST_PRINTABLE = 0x7e;
/** Labels compared byte by byte before decoding; past this many, a Map of text does better. */
const BYTE_COMPARED_LABELS = 16;

/** Labels get ids in the order they first appear; the ids stay the same for the whole file. */
export interface LabelTable {
  readonly names: readonly string[];
  idOf(label: string): number;
  /**
   * The id of the trimmed label in bytes[start, end) without decoding it, or -1 when it is
   * empty or not plain printable ASCII (no quotes), which the text path has to judge.
   */
  idOfBytes(bytes: Uint8Array, start: number, end: number): number;
}

function isPlainLabel(bytes: Uint8Array, start: number, end: number): boolean {
  if (start === end) return false;
  for (let index = start; index < end; index += 1) {
    const byte = bytes[index]!;
    if (byte < SPACE || byte > LAST_PRINTABLE || byte === QUOTE) return false;
  }
  return true;
}

function sameBytes(known: Uint8Array, bytes: Uint8Array, start: number, end: number): boolean {
  if (known.length !== end - start) return false;
  for (let index = 0; index < known.length; index += 1) {
    if (known[index] !== bytes[start + index]) return false;
  }
  return true;
}

export function createLabelTable(): LabelTable {
  const ids = new Map<string, number>();
  const names: string[] = [];
  const knownBytes: Uint8Array[] = [];
  const knownIds: number[] = [];
  const idOf = (label: string) => {
    let id = ids.get(label);
    if (id === undefined) {
      id = names.length;
      names.push(label);
      ids.set(label, id);
    }
    return id;
  };
  return {
    names,
    idOf,
    idOfBytes(bytes, start, end) {
      for (let known = 0; known < knownBytes.length; known += 1) {
        if (sameBytes(knownBytes[known]!, bytes, start, end)) return knownIds[known]!;
      }
      if (!isPlainLabel(bytes, start, end)) return -1;
      const id = idOf(Buffer.from(bytes.subarray(start, end)).toString('latin1'));
      if (knownBytes.length < BYTE_COMPARED_LABELS) {
        knownBytes.push(bytes.slice(start, end));
        knownIds.push(id);
      }
      return id;
    },
  };
}

/** A batch being filled; `size` counts the rows added so far. */
export interface BatchBuilder extends RecordBatch {
  size: number;
  featureText: FeatureText | undefined;
}

export function createBatchBuilder(
  featureCount: number,
  capacity: number,
  labels: LabelTable,
  textBytes?: Uint8Array,
): BatchBuilder {
  return {
    size: 0,
    featureCount,
    lines: new Float64Array(capacity),
    values: new Float64Array(capacity * featureCount),
    labelIds: new Uint32Array(capacity),
    labels: labels.names,
    featureText: textBytes && {
      bytes: textBytes,
      spans: new Int32Array(capacity * featureCount * 2).fill(-1),
    },
  };
}

/** Adds a record read the slow way: its feature text, if kept, is left to String(value). */
export function addRecord(batch: BatchBuilder, record: RawRecord, labels: LabelTable): void {
  const row = batch.size;
  batch.lines[row] = record.line;
  batch.values.set(record.features, row * batch.featureCount);
  batch.labelIds[row] = labels.idOf(record.label);
  batch.size = row + 1;
}

/** The rows of a batch one by one, in the form `records` hands them out. */
export function* recordsOfBatch(batch: RecordBatch): Generator<RawRecord> {
  const width = batch.featureCount;
  for (let row = 0; row < batch.size; row += 1) {
    yield {
      line: batch.lines[row]!,
      features: Array.from(batch.values.subarray(row * width, (row + 1) * width)),
      label: batch.labels[batch.labelIds[row]!]!,
    };
  }
}
