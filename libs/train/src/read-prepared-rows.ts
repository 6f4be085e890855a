// Streams a prepared split (train.csv or test.csv) in batches: features, then the class index.
// Hand-written rather than csv-parse, which took most of train's time: below the header the
// files are prepare's own, plain numbers with commas and \n, so rows are read in place.
import { createReadStream } from 'node:fs';
import { PipelineError } from '@pipeline/errors';
import type { PreparedSchema } from './prepared-schema.ts';
import { readPreparedField, type FieldCursor } from './prepared-number.ts';

const READ_CHUNK_BYTES = 1 << 20;
const NEWLINE = 0x0a;
const QUOTE = 0x22;
const COMMA = 0x2c;
const LINE_END = Buffer.from('\n');

/** Rows of a split: row r's feature f is values[r * featureCount + f]. */
export interface PreparedBatch {
  size: number;
  width: number;
  values: Float64Array;
  classIndices: Uint32Array;
}

/** Copies row `row`'s features into `target`, one slot per feature. */
export function copyRow(batch: PreparedBatch, row: number, target: Float64Array): void {
  const base = row * batch.width;
  for (let feature = 0; feature < batch.width; feature += 1) {
    target[feature] = batch.values[base + feature]!;
  }
}

interface Place {
  schema: PreparedSchema;
  file: string;
}

function notPrepared(place: Place, line: number): PipelineError {
  return new PipelineError('INVALID_INPUT', 'not a row as prepare writes it', {
    dataset: place.schema.dataset, file: place.file, line,
    hint: `Run \`nx run ${place.schema.dataset}:prepare\` again.`,
  });
}

/** Where the header ends: the first \n outside quotes (column names may hold anything). */
function headerEnd(bytes: Buffer): number {
  let quoted = false;
  for (let index = 0; index < bytes.length; index += 1) {
    if (bytes[index] === QUOTE) quoted = !quoted;
    else if (bytes[index] === NEWLINE && !quoted) return index;
  }
  return -1;
}

/** The column names of the header line, unquoted the way csv-stringify quotes them. */
function headerNames(text: string): string[] {
  const names: string[] = [];
  let name = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (char === '"' && quoted && text[index + 1] === '"') {
      name += char;
      index += 1;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (char === ',' && !quoted) {
      names.push(name);
      name = '';
    } else {
      name += char;
    }
  }
  return [...names, name];
}

function checkHeader(text: string, place: Place): void {
  const { schema, file } = place;
  const header = headerNames(text);
  const expected = [...schema.features, schema.targetColumn];
  if (header.join(',') !== expected.join(',')) {
    throw new PipelineError('INVALID_INPUT', `the header does not match schema.json`, {
      dataset: schema.dataset, file, line: 1,
      hint: `Run \`nx run ${schema.dataset}:prepare\` again to rewrite both files.`,
    });
  }
}

// Reused for every field, so that reading a row allocates nothing.
const cursor: FieldCursor = { at: 0 };

/**
 * Reads the row at `start` into row `row` of the batch and returns where the next row starts, or
 * -1 if the row is not as prepare writes it. The row must end with a \n.
 */
function readRow(bytes: Buffer, start: number, batch: PreparedBatch, row: number): number {
  const { values, width } = batch;
  let at = start;
  for (let feature = 0; feature < width; feature += 1) {
    const value = readPreparedField(bytes, at, cursor);
    if (bytes[cursor.at] !== COMMA || !Number.isFinite(value)) return -1;
    values[row * width + feature] = value;
    at = cursor.at + 1;
  }
  const classIndex = readPreparedField(bytes, at, cursor);
  if (bytes[cursor.at] !== NEWLINE || !Number.isInteger(classIndex) || classIndex < 0) return -1;
  batch.classIndices[row] = classIndex;
  return cursor.at + 1;
}

function countLines(bytes: Buffer): number {
  let count = 0;
  for (let at = bytes.indexOf(NEWLINE); at !== -1; at = bytes.indexOf(NEWLINE, at + 1)) count += 1;
  return count;
}

/** Reads `bytes`, whole lines each ending with \n; `line` is the first one's number. */
function readLines(bytes: Buffer, line: number, place: Place): PreparedBatch {
  const rows = countLines(bytes);
  const width = place.schema.features.length;
  const batch = { size: rows, width, values: new Float64Array(rows * width),
    classIndices: new Uint32Array(rows) };
  let at = 0;
  for (let row = 0; row < rows; row += 1) {
    at = readRow(bytes, at, batch, row);
    if (at === -1 || batch.classIndices[row]! >= place.schema.classes.length) {
      throw notPrepared(place, line + row);
    }
  }
  return batch;
}

export async function* readPreparedBatches(
  file: string,
  schema: PreparedSchema,
): AsyncGenerator<PreparedBatch> {
  const place = { schema, file };
  let pending: Buffer = Buffer.alloc(0);
  let line = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: READ_CHUNK_BYTES })) {
    pending = pending.length === 0 ? chunk as Buffer : Buffer.concat([pending, chunk as Buffer]);
    if (line === 0) {
      const end = headerEnd(pending);
      if (end === -1) continue;
      checkHeader(pending.toString('utf8', 0, end), place);
      line = 2 + countLines(pending.subarray(0, end));
      pending = pending.subarray(end + 1);
    }
    const end = pending.lastIndexOf(NEWLINE) + 1;
    if (end === 0) continue;
    const batch = readLines(pending.subarray(0, end), line, place);
    line += batch.size;
    pending = pending.subarray(end);
    yield batch;
  }
  // A file without a line end holds at most the header; a last row may lack its \n.
  if (line === 0 && pending.length > 0) checkHeader(pending.toString('utf8'), place);
  else if (pending.length > 0) yield readLines(Buffer.concat([pending, LINE_END]), line, place);
}
