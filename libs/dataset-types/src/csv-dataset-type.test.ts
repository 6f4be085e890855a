// The generic csv type: headers, given columns, delimiters, quoting and line numbers.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileInput, readAll, textInput } from './test-reading.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

describe('csv dataset type', () => {
  it('takes the column names from the header row and trims every field', async () => {
    const read = await readAll('csv', fileInput(join(FIXTURES, 'measurements.csv')), {
      targetColumn: 'kind',
    });
    expect(read.featureNames).toEqual(['length', 'width, cm']);
    expect(read.records).toEqual([
      { line: 2, features: [1.5, 2], label: 'short' },
      { line: 3, features: [3.25, 4], label: 'long' },
      { line: 5, features: [0.5, 100], label: 'short' },
    ]);
  });

  it('uses the columns of the entry when the file has no header', async () => {
    const read = await readAll('csv', textInput('1,2,x\n3,4,y\n'), {
      targetColumn: 'label',
      header: false,
      columns: ['a', 'b', 'label'],
    });
    expect(read.featureNames).toEqual(['a', 'b']);
    expect(read.records.map((record) => record.label)).toEqual(['x', 'y']);
  });

  it('accepts a header that matches the columns of the entry', async () => {
    const read = await readAll('csv', textInput('a,b,label\n1,2,x\n'), {
      targetColumn: 'label',
      columns: ['a', 'b', 'label'],
    });
    expect(read.records).toHaveLength(1);
  });

  it('reads a semicolon delimiter with quoted fields holding the delimiter', async () => {
    const read = await readAll('csv', fileInput(join(FIXTURES, 'semicolon-quoted.csv')), {
      targetColumn: 'kind',
      delimiter: ';',
    });
    expect(read.featureNames).toEqual(['length', 'width']);
    expect(read.records.map((record) => record.label)).toEqual(['a; b', 'plain']);
    expect(read.records.map((record) => record.features)).toEqual([
      [1.5, 2],
      [3, 4],
    ]);
  });

  it('reads a tab delimiter even though fields are trimmed of whitespace', async () => {
    const read = await readAll('csv', textInput('a\tb\tlabel\n1\t 2 \tx\n'), {
      targetColumn: 'label',
      delimiter: '\t',
    });
    expect(read.records).toEqual([{ line: 2, features: [1, 2], label: 'x' }]);
  });

  it('counts lines from where a row starts when a quoted label spans lines', async () => {
    const read = await readAll('csv', textInput('a,label\n1,"two\nlines"\n\n2,z\n'), {
      targetColumn: 'label',
    });
    expect(read.records.map((record) => record.line)).toEqual([2, 5]);
    expect(read.records[0]?.label).toBe('two\nlines');
  });

  it('skips blank and whitespace-only lines anywhere in the file', async () => {
    const read = await readAll('csv', textInput('\n a,label\n\n   \n1,x\n\n2,y'), {
      targetColumn: 'label',
    });
    expect(read.records.map((record) => [record.line, record.label])).toEqual([
      [5, 'x'],
      [7, 'y'],
    ]);
  });

  it('reads Windows line endings with the same line numbers', async () => {
    const read = await readAll('csv', textInput('a,label\r\n1,x\r\n\r\n2,y\r\n'), {
      targetColumn: 'label',
    });
    expect(read.records.map((record) => [record.line, record.label])).toEqual([
      [2, 'x'],
      [4, 'y'],
    ]);
  });

  it('ignores a byte order mark before the header', async () => {
    const read = await readAll('csv', textInput('\uFEFFa,label\n1,x\n'), { targetColumn: 'label' });
    expect(read.featureNames).toEqual(['a']);
  });
});
