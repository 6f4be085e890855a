// Streams the rows of a delimited text file as trimmed text fields, skipping blank lines.
import { pipeline } from 'node:stream';
import { CsvError, parse, type Info } from 'csv-parse';
import { PipelineError } from '@pipeline/errors';
import type { RawInput } from '../dataset-type.ts';

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

function asPipelineError(cause: unknown, input: RawInput, dataset: string): PipelineError {
  if (cause instanceof PipelineError) return cause;
  if (!(cause instanceof CsvError)) {
    return new PipelineError('INVALID_INPUT', `cannot read the raw file: ${String(cause)}`, {
      dataset,
      file: input.file,
      hint: 'Check that the raw file exists and is readable, then run again.',
      cause,
    });
  }
  const line = typeof cause.lines === 'number' ? cause.lines : undefined;
  return new PipelineError('MALFORMED_ROW', `the row cannot be parsed: ${cause.message}`, {
    dataset,
    file: input.file,
    line,
    hint: 'Fix the quoting on that line of the raw file, or check `delimiter` for the entry.',
    cause,
  });
}

export async function* readRawRows(
  input: RawInput,
  delimiter: string,
  dataset: string,
): AsyncGenerator<RawRow> {
  const parser = parse({
    delimiter,
    bom: true,
    info: true,
    trim: true,
    skip_empty_lines: true,
    relax_column_count: true,
  });
  // Errors of either stream reach the loop below through the parser, so the callback has
  // nothing left to report.
  pipeline(input.stream, parser, () => {});
  const parsed = parser as AsyncIterable<{ record: string[]; info: Info }>;
  try {
    for await (const { record, info } of parsed) {
      const fields = record.map((field) => field.trim());
      if (fields.length === 1 && fields[0] === '') continue;
      yield { line: info.lines - lineBreaksIn(record), fields };
    }
  } catch (cause) {
    throw asPipelineError(cause, input, dataset);
  } finally {
    parser.destroy();
  }
}
