// One prepared CSV file, assembled in a byte buffer and written in large pieces. The header goes
// through csv-stringify (column names may need quotes); rows hold only numbers, copied from the
// raw file's bytes wherever those already read as String(value) would write the number.
import { open } from 'node:fs/promises';
import { stringify } from 'csv-stringify/sync';
import type { RecordBatch } from '@pipeline/dataset-types';

const FLUSH_BYTES = 1 << 20;
/** The longest text String() gives a double, e.g. -1.2345678901234567e-308, and its comma. */
const MOST_BYTES_PER_VALUE = 25;
/** Runs shorter than this are copied byte by byte; Buffer.copy costs more to call. */
const NATIVE_COPY_BYTES = 64;
const COMMA = 0x2c;

export interface CsvFileWriter {
  writeHeader(names: readonly string[]): void;
  /** Appends row `row` of the batch, its features and then `classText` (the index and \n). */
  writeRow(batch: RecordBatch, row: number, classText: Uint8Array): void;
  /** Appends bytes[start, end) as they are. */
  writeBytes(bytes: Uint8Array, start: number, end: number): void;
  /** Writes the buffer out once it is large; call between batches. */
  flushIfFull(): Promise<void>;
  /** Writes what is left and closes the file. */
  close(): Promise<void>;
  /** Closes the file after a failure elsewhere; what it holds no longer matters. */
  abort(): Promise<void>;
}

interface OutputBuffer {
  bytes: Buffer;
  used: number;
}

function ensureRoom(output: OutputBuffer, needed: number): void {
  if (output.used + needed <= output.bytes.length) return;
  const grown = Buffer.allocUnsafe(Math.max(output.bytes.length * 2, output.used + needed));
  output.bytes.copy(grown, 0, 0, output.used);
  output.bytes = grown;
}

function copyBytes(output: OutputBuffer, source: Uint8Array, start: number, end: number): void {
  if (end - start >= NATIVE_COPY_BYTES) {
    output.used += Buffer.from(source.buffer, source.byteOffset, source.length).copy(
      output.bytes,
      output.used,
      start,
      end,
    );
    return;
  }
  const { bytes } = output;
  let at = output.used;
  for (let index = start; index < end; index += 1) bytes[at++] = source[index]!;
  output.used = at;
}

function writeText(output: OutputBuffer, text: string): void {
  const { bytes } = output;
  let at = output.used;
  for (let index = 0; index < text.length; index += 1) bytes[at++] = text.charCodeAt(index);
  output.used = at;
}

/**
 * Features in order, each followed by a comma. Neighbouring features whose text is copied and
 * that sit in the raw file separated by just a comma are copied together, as one run.
 */
function writeFeatures(output: OutputBuffer, batch: RecordBatch, row: number): void {
  const width = batch.featureCount;
  const source = batch.featureText?.bytes;
  const spans = batch.featureText?.spans;
  let runStart = -1;
  let runEnd = -1;
  for (let at = row * width; at < (row + 1) * width; at += 1) {
    const start = spans ? spans[at * 2]! : -1;
    if (start >= 0 && runEnd >= 0 && start === runEnd + 1 && source![runEnd] === COMMA) {
      runEnd = spans![at * 2 + 1]!;
      continue;
    }
    if (runEnd >= 0) copyBytes(output, source!, runStart, runEnd);
    if (runEnd >= 0) output.bytes[output.used++] = COMMA;
    runStart = start;
    runEnd = start >= 0 ? spans![at * 2 + 1]! : -1;
    if (start < 0) writeText(output, `${batch.values[at]},`);
  }
  if (runEnd >= 0) copyBytes(output, source!, runStart, runEnd);
  if (runEnd >= 0) output.bytes[output.used++] = COMMA;
}

export async function createCsvFileWriter(path: string): Promise<CsvFileWriter> {
  const file = await open(path, 'w');
  const output: OutputBuffer = { bytes: Buffer.allocUnsafe(FLUSH_BYTES * 2), used: 0 };
  const flush = async () => {
    let written = 0;
    while (written < output.used) {
      written += (await file.write(output.bytes, written, output.used - written)).bytesWritten;
    }
    output.used = 0;
  };
  return {
    writeHeader(names) {
      const text = Buffer.from(stringify([names]));
      ensureRoom(output, text.length);
      copyBytes(output, text, 0, text.length);
    },
    writeRow(batch, row, classText) {
      ensureRoom(output, batch.featureCount * MOST_BYTES_PER_VALUE + classText.length);
      writeFeatures(output, batch, row);
      copyBytes(output, classText, 0, classText.length);
    },
    writeBytes(bytes, start, end) {
      ensureRoom(output, end - start);
      copyBytes(output, bytes, start, end);
    },
    async flushIfFull() {
      if (output.used >= FLUSH_BYTES) await flush();
    },
    async close() {
      await flush();
      await file.close();
    },
    async abort() {
      await file.close().catch(() => {});
    },
  };
}
