// Reads a delimited raw file: fast-rows.ts where it applies, and csv-parse from the first row it
// does not (quotes, a stray \r, a delimiter of several bytes or of whitespace), so the rows, line
// numbers and errors are csv-parse's either way.
import type { RawInput, RecordBatch } from '../dataset-type.ts';
import type { ColumnLayout } from './column-layout.ts';
import { scanRows } from './fast-rows.ts';
import type { RawRow } from './raw-rows.ts';
import {
  CARRIAGE_RETURN,
  createReaderState,
  handOver,
  NEWLINE,
  pull,
  start,
  terminateLastLine,
  type ReaderState,
} from './reader-state.ts';
import { addRecord, createBatchBuilder, createLabelTable } from './record-batch.ts';
import { rowToRecord, type RowPlace } from './row-to-record.ts';
import { isBlankRow, splitRowText } from './row-text.ts';

const ROWS_PER_PARSED_BATCH = 4096;

export interface CsvReader {
  /** The first non-blank row: the header, when the file has one. */
  firstRow(): Promise<RawRow | undefined>;
  /** The rows after those already read, many at a time. */
  batches(layout: ColumnLayout, keepText: boolean): AsyncGenerator<RecordBatch>;
  /** Releases the input; safe to call more than once. */
  close(): Promise<void>;
}

/** The next line's text for the fast reader, or null at the end or when csv-parse takes over. */
async function nextLine(state: ReaderState): Promise<{ text: string; line: number } | null> {
  let lineEnd = state.pending.indexOf(NEWLINE);
  while (lineEnd === -1 && (await pull(state))) lineEnd = state.pending.indexOf(NEWLINE);
  const { pending } = state;
  if (lineEnd === -1 && pending.length === 0) return null;
  const terminated = lineEnd !== -1;
  if (!terminated) lineEnd = pending.length;
  const strippedEnd = state.crlf && terminated;
  const badLineEnd = strippedEnd && pending[lineEnd - 1] !== CARRIAGE_RETURN;
  const text = badLineEnd ? '' : pending.toString('utf8', 0, strippedEnd ? lineEnd - 1 : lineEnd);
  if (badLineEnd || text.includes('"') || text.includes('\r')) {
    handOver(state);
    return null;
  }
  const line = state.line;
  state.pending = pending.subarray(lineEnd + 1);
  state.line += 1;
  return { text, line };
}

async function firstRow(state: ReaderState): Promise<RawRow | undefined> {
  await start(state);
  while (!state.parsed) {
    const next = await nextLine(state);
    if (next === null) break;
    const fields = splitRowText(next.text, state.delimiter);
    if (!isBlankRow(fields)) return { line: next.line, fields };
  }
  const parsed = await state.parsed?.next();
  return parsed && !parsed.done ? parsed.value : undefined;
}

function countLines(bytes: Buffer, end: number): number {
  let count = 1;
  let at = bytes.indexOf(NEWLINE);
  while (at !== -1 && at < end) {
    count += 1;
    at = bytes.indexOf(NEWLINE, at + 1);
  }
  return count;
}

async function* fastBatches(state: ReaderState, layout: ColumnLayout, keepText: boolean) {
  const labels = createLabelTable();
  const { crlf, place } = state;
  const settings = { delimiter: state.delimiterByte!, crlf, layout, place };
  while (!state.parsed) {
    if (state.ended) terminateLastLine(state);
    const bytes = state.pending;
    const end = state.ended ? bytes.length : bytes.lastIndexOf(NEWLINE) + 1;
    if (end > 0) {
      const capacity = countLines(bytes, end);
      const batch = createBatchBuilder(layout.featureNames.length, capacity, labels,
        keepText ? bytes : undefined);
      const outcome = scanRows(bytes, { start: 0, end, line: state.line }, settings, labels, batch);
      state.pending = bytes.subarray(outcome.stoppedAt);
      state.line = outcome.line;
      if (batch.size > 0) yield batch;
      if (outcome.handOver) handOver(state);
    }
    if (!state.parsed && !(await pull(state)) && state.pending.length === 0) return labels;
  }
  return labels;
}

async function* readBatches(state: ReaderState, layout: ColumnLayout, keepText: boolean) {
  await start(state);
  const labels = yield* fastBatches(state, layout, keepText);
  const width = layout.featureNames.length;
  let batch = createBatchBuilder(width, ROWS_PER_PARSED_BATCH, labels);
  for await (const row of state.parsed ?? []) {
    addRecord(batch, rowToRecord(row, layout, state.place), labels);
    if (batch.size < ROWS_PER_PARSED_BATCH) continue;
    yield batch;
    batch = createBatchBuilder(width, ROWS_PER_PARSED_BATCH, labels);
  }
  if (batch.size > 0) yield batch;
}

export function createCsvReader(
  input: RawInput,
  delimiter: string,
  place: RowPlace,
  checkRow: (row: RawRow) => void,
): CsvReader {
  const state = createReaderState(input, delimiter, place, checkRow);
  const close = async () => {
    await state.parsed?.return(undefined);
    await state.chunks.return?.();
    input.stream.destroy();
  };
  return {
    firstRow: () => firstRow(state),
    async *batches(layout, keepText) {
      try {
        yield* readBatches(state, layout, keepText);
      } finally {
        await close();
      }
    },
    close,
  };
}
