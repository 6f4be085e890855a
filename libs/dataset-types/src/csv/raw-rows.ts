// Streams the rows of a delimited text file as trimmed text fields, skipping blank lines, with
// csv-parse: the reader for everything fast-rows.ts leaves alone, quoted fields above all.
// csv-parse is loaded on first use, so files without quotes never pay for loading it.
import { pipeline } from 'node:stream';
import type { CsvError, Options } from 'csv-parse';
import { PipelineError } from '@pipeline/errors';
import type { RawInput } from '../dataset-type.ts';
import { isBlankRow } from './row-text.ts';

export interface RawRow {
  /** 1-based line where the row starts (a quoted field may span several lines). */
  line: number;
  fields: string[];
}

function lineBreaksIn(fields: string[]): number {
  let count = 0;
  for (const field of fields) {
    if (!field.includes('\n')) continue;
    count += field.split('\n').length - 1;
  }
  return count;
}

/** Where in the file the stream starts, when the fast reader has read the rows before it. */
export interface ParserStart {
  /** Lines before the first byte of the stream. */
  lineOffset: number;
  /** The file's line end, once known; otherwise csv-parse finds it from the first one. */
  recordDelimiter?: string;
  /** True at the start of the file, where a byte order mark may be. */
  atFileStart: boolean;
}

const FILE_START: ParserStart = { lineOffset: 0, atFileStart: true };

/** A failure to read the bytes at all, e.g. the file vanished or the disk failed. */
export function unreadableFile(cause: unknown, input: RawInput, dataset: string): PipelineError {
  if (cause instanceof PipelineError) return cause;
  return new PipelineError('INVALID_INPUT', `cannot read the raw file: ${String(cause)}`, {
    dataset,
    file: input.file,
    hint: 'Check that the raw file exists and is readable, then run again.',
    cause,
  });
}

function unparsableRow(cause: CsvError, input: RawInput, dataset: string, lineOffset: number) {
  const line = typeof cause.lines === 'number' ? cause.lines + lineOffset : undefined;
  return new PipelineError('MALFORMED_ROW', `the row cannot be parsed: ${cause.message}`, {
    dataset,
    file: input.file,
    line,
    hint: 'Fix the quoting on that line of the raw file, or check `delimiter` for the entry.',
    cause,
  });
}

/**
 * `checkRow` sees every row as soon as csv-parse has it, before csv-parse reads on: a row it
 * rejects is reported even when a later row of the same chunk cannot be parsed, so the first
 * problem in the file is the one reported, however the bytes arrive.
 */
export async function* readRawRows(
  input: RawInput,
  delimiter: string,
  dataset: string,
  start: ParserStart = FILE_START,
  checkRow: (row: RawRow) => void = () => {},
): AsyncGenerator<RawRow> {
  const { CsvError, parse } = await import('csv-parse');
  const toRow = (record: string[], context: { lines: number }): RawRow | null => {
    const fields = record.map((field) => field.trim());
    if (isBlankRow(fields)) return null;
    const row = { line: start.lineOffset + context.lines - lineBreaksIn(record), fields };
    checkRow(row);
    return row;
  };
  const options: Options<RawRow, string[]> = {
    delimiter,
    bom: start.atFileStart,
    record_delimiter: start.recordDelimiter,
    trim: true,
    skip_empty_lines: true,
    relax_column_count: true,
    on_record: toRow,
  };
  // The typings tie on_record's result to the record type; here it turns records into rows.
  const parser = parse(options as unknown as Options);
  // Errors of either stream reach the loop below through the parser, so the callback has
  // nothing left to report.
  pipeline(input.stream, parser, () => {});
  try {
    for await (const row of parser as AsyncIterable<RawRow>) yield row;
  } catch (cause) {
    if (cause instanceof CsvError) throw unparsableRow(cause, input, dataset, start.lineOffset);
    throw unreadableFile(cause, input, dataset);
  } finally {
    parser.destroy();
  }
}
