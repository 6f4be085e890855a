// The hand-written reader against csv-parse on awkward files: both must give the same records,
// line numbers and errors, however the bytes arrive.
import { Readable } from 'node:stream';
import { isPipelineError } from '@pipeline/errors';
import { describe, expect, it } from 'vitest';
import type { RawInput, RawRecord } from '../dataset-type.ts';
import { getDatasetType } from '../dataset-type-list.ts';
import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { layoutColumns, type ColumnLayout } from './column-layout.ts';
import { rowToRecord } from './row-to-record.ts';
import { isBlankRow } from './row-text.ts';

interface Case {
  text: string;
  delimiter?: string;
  targetColumn?: string;
}

type Outcome =
  | { featureNames: string[]; records: { line: number; features: number[]; label: string }[] }
  | { code: string; line: number | undefined };

function failure(error: unknown): Outcome {
  if (!isPipelineError(error)) throw error;
  return { code: error.code, line: error.location.line };
}

function chunkedInput(text: string, chunkBytes: number): RawInput {
  const bytes = Buffer.from(text);
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += chunkBytes) {
    chunks.push(bytes.subarray(at, at + chunkBytes));
  }
  return { file: 'raw.csv', stream: Readable.from(chunks) };
}

/** What the dataset type reads, fast rows and all. */
async function readThroughType(item: Case, chunkBytes: number): Promise<Outcome> {
  const options = { dataset: 'sample', targetColumn: item.targetColumn ?? 'label',
    delimiter: item.delimiter };
  try {
    const opened = await getDatasetType('csv').open(chunkedInput(item.text, chunkBytes), options);
    const records = [];
    for await (const record of opened.records) records.push(record);
    return { featureNames: opened.featureNames, records };
  } catch (error) {
    return failure(error);
  }
}

function lineBreaksIn(fields: string[]): number {
  return fields.reduce((count, field) => count + field.split('\n').length - 1, 0);
}

/**
 * The same file read by csv-parse alone, configured as the reader configures it, with the same
 * checks on every row in file order (its synchronous API reports the first problem first).
 */
function readThroughCsvParse(item: Case): Outcome {
  const place = { dataset: 'sample', file: 'raw.csv' };
  let layout: ColumnLayout | undefined;
  const records: RawRecord[] = [];
  const checkRow = (record: string[], context: { lines: number }) => {
    const fields = record.map((field) => field.trim());
    if (isBlankRow(fields)) return null;
    const line = context.lines - lineBreaksIn(record);
    if (layout) records.push(rowToRecord({ line, fields }, layout, place));
    else layout = layoutColumns(fields, item.targetColumn ?? 'label', { ...place, line });
    return null;
  };
  try {
    parse(item.text, { delimiter: item.delimiter ?? ',', bom: true, trim: true,
      skip_empty_lines: true, relax_column_count: true, on_record: checkRow });
  } catch (error) {
    if (error instanceof CsvError) return { code: 'MALFORMED_ROW', line: error.lines as number };
    return failure(error);
  }
  if (!layout || records.length === 0) return { code: 'EMPTY_FILE', line: undefined };
  return { featureNames: layout.featureNames, records };
}

async function expectSameAsCsvParse(item: Case): Promise<void> {
  const expected = readThroughCsvParse(item);
  for (const chunkBytes of [1, 3, 64 * 1024]) {
    expect(await readThroughType(item, chunkBytes), JSON.stringify(item.text)).toEqual(expected);
  }
}

const AWKWARD: [string, Case][] = [
  ['plain rows and a last line without its end', { text: 'a,b,label\n1,2,x\n-3.5,.25,y' }],
  ['Windows line ends', { text: 'a,b,label\r\n1,2,x\r\n\r\n3,4,y\r\n' }],
  ['a quote half way, with a line break inside it', {
    text: 'a,b,label\n1,2,x\n3,4,"y\nz"\n5,6,x\n' }],
  ['a quote in the header', { text: '"a",b,label\n1,2,x\n' }],
  ['a stray carriage return in a \\n file', { text: 'a,b,label\n1,2,x\n3,4\r,y\n5,6,x\r\n' }],
  ['a bare \\n in a \\r\\n file', { text: 'a,b,label\r\n1,2,x\r\n3,4,y\n5,6,x\r\n' }],
  ['old Mac line ends', { text: 'a,b,label\r1,2,x\r3,4,y\r' }],
  ['a byte order mark and blank lines', { text: '\uFEFF\n  \na,b,label\n\n1,2,x\n \t \n' }],
  ['spaces, tabs and Unicode spaces around values', {
    text: 'a,b,label\n 1 ,\t2\t, x \n\u00A03\u00A0,4,\u3000y\n' }],
  ['every number form the reader takes', {
    text: 'a,b,label\n+1,1e3,x\n5.,-.5,y\n-0,1E-7,x\n'
      + '12345678901234567890,0.1000000000000000055511,y\n' }],
  ['values that are not numbers', { text: 'a,b,label\n1,0x1F,x\n' }],
  ['infinite and empty values', { text: 'a,b,label\n1,1e999,x\n' }],
  ['an empty value', { text: 'a,b,label\n1,,x\n' }],
  ['an empty label', { text: 'a,b,label\n1,2, \n' }],
  ['too many fields', { text: 'a,b,label\n1,2,x,4\n' }],
  ['too few fields', { text: 'a,b,label\n1,2\n' }],
  ['non-ASCII and broken UTF-8 labels', {
    text: Buffer.concat([Buffer.from('a,b,label\n1,2,été\n3,4,'), Buffer.from([0xff, 0x0a])])
      .toString('latin1') }],
  ['the label first', { text: 'label,a,b\nx,1,2\ny,3,4\n', targetColumn: 'label' }],
  ['the label in the middle', { text: 'a,label,b\n1,x,2\n3,y,4\n' }],
  ['a semicolon delimiter with commas in values', {
    text: 'a;b;label\n1;2;x\n1,5;2;y\n', delimiter: ';' }],
  ['a tab delimiter', { text: 'a\tb\tlabel\n1\t\t2\n1\t2\tx\n', delimiter: '\t' }],
  ['a delimiter of two characters', { text: 'a::b::label\n1::2::x\n', delimiter: '::' }],
  ['a header only', { text: 'a,b,label\n\n' }],
];

describe('the hand-written row reader', () => {
  it.each(AWKWARD)('reads %s exactly as csv-parse does', async (_name, item) => {
    await expectSameAsCsvParse(item);
  });

  it('agrees with csv-parse on many small random files', async () => {
    // A fixed linear congruential sequence: the same files on every run.
    let state = 20_240_601;
    const next = (count: number) => {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
      return state % count;
    };
    const pieces = ['1', '-2.5', '.5', '1e3', '0', '007', ' ', '\t', ',', ',', 'x', 'y', '\n',
      '\n', '\r\n', '\r', '"', '\u00A0', 'é'];
    for (let file = 0; file < 300; file += 1) {
      let text = next(2) === 0 ? 'a,b,label\n' : 'a,b,label\r\n';
      const length = 5 + next(40);
      for (let piece = 0; piece < length; piece += 1) text += pieces[next(pieces.length)];
      await expectSameAsCsvParse({ text });
    }
  });
});
