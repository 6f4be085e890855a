// The bytes under the csv reader: chunks of the raw file joined at row boundaries, how its lines
// end, and the hand-over of the rest of the file to csv-parse.
import { Readable } from 'node:stream';
import type { RawInput } from '../dataset-type.ts';
import { readRawRows, unreadableFile, type RawRow } from './raw-rows.ts';
import type { RowPlace } from './row-to-record.ts';

export const NEWLINE = 0x0a;
export const CARRIAGE_RETURN = 0x0d;
const BYTE_ORDER_MARK = Buffer.from([0xef, 0xbb, 0xbf]);
const LF = Buffer.from('\n');
const CRLF = Buffer.from('\r\n');

export interface ReaderState {
  input: RawInput;
  delimiter: string;
  /** The delimiter's byte when the fast reader can take it. */
  delimiterByte: number | undefined;
  place: RowPlace;
  chunks: AsyncIterator<Buffer | string>;
  /** Bytes not read yet, starting at a row. */
  pending: Buffer;
  /** Line of the first row in `pending`. */
  line: number;
  ended: boolean;
  started: boolean;
  crlf: boolean;
  /** A byte order mark taken off the start, to give back if csv-parse reads from there. */
  byteOrderMark: Buffer;
  /** The rest of the file through csv-parse, once handed over. */
  parsed: AsyncGenerator<RawRow> | undefined;
  /** Sees each row csv-parse reads, as it reads it. */
  checkRow: (row: RawRow) => void;
}

function fastDelimiterByte(delimiter: string): number | undefined {
  const code = delimiter.length === 1 ? delimiter.charCodeAt(0) : -1;
  return code > 0x20 && code < 0x7f ? code : undefined;
}

export function createReaderState(
  input: RawInput,
  delimiter: string,
  place: RowPlace,
  checkRow: (row: RawRow) => void,
): ReaderState {
  return {
    input,
    delimiter,
    delimiterByte: fastDelimiterByte(delimiter),
    place,
    chunks: input.stream[Symbol.asyncIterator](),
    pending: Buffer.alloc(0),
    line: 1,
    ended: false,
    started: false,
    crlf: false,
    byteOrderMark: Buffer.alloc(0),
    parsed: undefined,
    checkRow,
  };
}

/** Appends the next chunk to `pending`; false at the end of the input. */
export async function pull(state: ReaderState): Promise<boolean> {
  if (state.ended) return false;
  let next: IteratorResult<Buffer | string>;
  try {
    next = await state.chunks.next();
  } catch (cause) {
    throw unreadableFile(cause, state.input, state.place.dataset);
  }
  if (next.done) {
    state.ended = true;
    return false;
  }
  const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
  state.pending = state.pending.length === 0 ? chunk : Buffer.concat([state.pending, chunk]);
  return true;
}

/** csv-parse reads on from the row at the start of `pending`, with the line numbers going on. */
export function handOver(state: ReaderState): void {
  const fromFileStart = state.line === 1;
  const first = fromFileStart ? Buffer.concat([state.byteOrderMark, state.pending]) : state.pending;
  const { chunks } = state;
  async function* rest() {
    if (first.length > 0) yield first;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
  }
  const stream = Readable.from(rest(), { objectMode: false });
  state.parsed = readRawRows({ file: state.input.file, stream }, state.delimiter,
    state.place.dataset, {
      lineOffset: state.line - 1,
      // From the file's start csv-parse finds the line end itself, as it always did.
      recordDelimiter: fromFileStart ? undefined : state.crlf ? '\r\n' : '\n',
      atFileStart: fromFileStart,
    }, state.checkRow);
  state.pending = Buffer.alloc(0);
}

/** Index of the first \r or \n, or -1. */
function firstLineEnd(bytes: Buffer): number {
  const newline = bytes.indexOf(NEWLINE);
  const carriageReturn = bytes.indexOf(CARRIAGE_RETURN);
  if (newline === -1 || carriageReturn === -1) return Math.max(newline, carriageReturn);
  return Math.min(newline, carriageReturn);
}

/** Settles, once, how lines end (the first line end decides, as in csv-parse) and the BOM. */
export async function start(state: ReaderState): Promise<void> {
  if (state.started) return;
  state.started = true;
  let at = firstLineEnd(state.pending);
  while ((at === -1 || at === state.pending.length - 1) && (await pull(state))) {
    at = firstLineEnd(state.pending);
  }
  const loneCarriageReturn = at !== -1 && state.pending[at] === CARRIAGE_RETURN
    && state.pending[at + 1] !== NEWLINE;
  if (state.delimiterByte === undefined || loneCarriageReturn) {
    handOver(state);
    return;
  }
  state.crlf = at !== -1 && state.pending[at] === CARRIAGE_RETURN;
  if (state.pending.subarray(0, 3).equals(BYTE_ORDER_MARK)) {
    state.byteOrderMark = BYTE_ORDER_MARK;
    state.pending = state.pending.subarray(3);
  }
}

/** Gives an unterminated last line its line end, so every fast row ends with one. */
export function terminateLastLine(state: ReaderState): void {
  const last = state.pending[state.pending.length - 1];
  if (last === undefined || last === NEWLINE || last === CARRIAGE_RETURN) return;
  state.pending = Buffer.concat([state.pending, state.crlf ? CRLF : LF]);
}
