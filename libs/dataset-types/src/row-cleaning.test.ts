// Every way a raw file can be rejected, and what the error says.
import { Readable } from 'node:stream';
import { formatError } from '@pipeline/errors';
import { describe, expect, it } from 'vitest';
import { readAll, textInput } from './test-reading.ts';

const HEADER = 'height,weight,kind\n';

function readCsv(text: string, targetColumn = 'kind') {
  return readAll('csv', textInput(text, 'people.csv'), { dataset: 'people', targetColumn });
}

async function failureOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return formatError(error);
  }
  throw new Error('expected the read to fail');
}

describe('row cleaning', () => {
  it('rejects a non-numeric feature with the dataset, file, line, column and value', async () => {
    const read = readCsv(`${HEADER}1,2,a\n3,heavy,b\n`);
    await expect(read).rejects.toMatchObject({
      code: 'MALFORMED_ROW',
      location: { dataset: 'people', file: 'people.csv', line: 3, column: 2, field: 'weight' },
    });
    const message = await failureOf(readCsv(`${HEADER}1,2,a\n3,heavy,b\n`));
    expect(message).toContain("dataset 'people', people.csv:3:2");
    expect(message).toContain("'heavy'");
    expect(message).toContain('Only numeric features are supported');
  });

  it.each([
    ['an empty feature', '1,,a'],
    ['a hexadecimal feature', '0x1F,2,a'],
    ['an infinite feature', 'Infinity,2,a'],
    ['a feature too large to be finite', '1e999,2,a'],
    ['a decimal comma', '"1,5",2,a'],
  ])('rejects %s', async (_name, row) => {
    await expect(readCsv(`${HEADER}${row}\n`)).rejects.toMatchObject({
      code: 'MALFORMED_ROW',
      location: { line: 2 },
    });
  });

  it('rejects a row with an empty target value, naming the target column', async () => {
    await expect(readCsv(`${HEADER}1,2,\n`)).rejects.toMatchObject({
      code: 'MALFORMED_ROW',
      location: { line: 2, column: 3, field: 'kind' },
    });
  });

  it('rejects a row with too many or too few fields', async () => {
    await expect(readCsv(`${HEADER}1,2,a\n1,2,3,a\n`)).rejects.toMatchObject({
      code: 'MALFORMED_ROW',
      location: { line: 3 },
    });
    await expect(readCsv(`${HEADER}1,a\n`)).rejects.toMatchObject({
      code: 'MALFORMED_ROW',
      location: { line: 2 },
    });
  });

  it('rejects a quote that is never closed, with the line', async () => {
    await expect(readCsv(`${HEADER}1,2,"a\n`)).rejects.toMatchObject({
      code: 'MALFORMED_ROW',
      location: { line: 2 },
    });
  });

  it('reports a raw file that fails while being read', async () => {
    const stream = new Readable({
      read() {
        this.destroy(new Error('device not ready'));
      },
    });
    const read = readAll('csv', { file: 'people.csv', stream }, { targetColumn: 'kind' });
    await expect(read).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      location: { file: 'people.csv' },
    });
  });

  it('reports an empty or blank file as EMPTY_FILE', async () => {
    await expect(readCsv('')).rejects.toMatchObject({ code: 'EMPTY_FILE' });
    await expect(readCsv('\n  \n\n')).rejects.toMatchObject({ code: 'EMPTY_FILE' });
    const noHeader = readAll('csv', textInput(''), {
      targetColumn: 'kind',
      header: false,
      columns: ['height', 'kind'],
    });
    await expect(noHeader).rejects.toMatchObject({ code: 'EMPTY_FILE' });
  });

  it('reports a header without data rows as EMPTY_FILE', async () => {
    await expect(readCsv(HEADER)).rejects.toMatchObject({ code: 'EMPTY_FILE' });
    expect(await failureOf(readCsv(HEADER))).toContain('header but no data rows');
  });
});

describe('column checks', () => {
  it('names the available columns and the closest one for an unknown target', async () => {
    const read = readCsv(`${HEADER}1,2,a\n`, 'knd');
    await expect(read).rejects.toMatchObject({ code: 'UNKNOWN_TARGET_COLUMN' });
    const message = await failureOf(readCsv(`${HEADER}1,2,a\n`, 'knd'));
    expect(message).toContain('height, weight, kind');
    expect(message).toContain("Did you mean 'kind'?");
  });

  it('lists the columns without a far-fetched guess when no column is close', async () => {
    const message = await failureOf(readCsv(`${HEADER}1,2,a\n`, '7'));
    expect(message).toContain('height, weight, kind');
    expect(message).not.toContain('Did you mean');
  });

  it('rejects a header that differs from the columns of the entry', async () => {
    const read = readAll('csv', textInput(`${HEADER}1,2,a\n`), {
      targetColumn: 'kind',
      columns: ['height', 'mass', 'kind'],
    });
    await expect(read).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      location: { line: 1, field: 'columns' },
    });
  });

  it('rejects a header that repeats a column name', async () => {
    await expect(readCsv('a,a,kind\n1,2,x\n')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      location: { line: 1, column: 2 },
    });
  });

  it('needs the columns of the entry when the file has no header', async () => {
    const read = readAll('csv', textInput('1,2,a\n'), { targetColumn: 'kind', header: false });
    await expect(read).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      location: { field: 'columns' },
    });
  });

  it('rejects a delimiter that cannot separate fields', async () => {
    const read = readAll('csv', textInput(`${HEADER}1,2,a\n`), {
      targetColumn: 'kind',
      delimiter: '"',
    });
    await expect(read).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      location: { field: 'delimiter' },
    });
  });
});
