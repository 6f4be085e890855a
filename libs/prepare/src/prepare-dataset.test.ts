// prepareDataset end to end: the files it writes for iris, wine and generic csv files.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDataset, type PrepareOptions } from './prepare-dataset.ts';
import {
  FIXTURES,
  readPrepared,
  recordingLogger,
  tempFolder,
  VENDOR,
  type TempFolder,
} from './test-outputs.ts';

let temp: TempFolder;
beforeAll(async () => {
  temp = await tempFolder();
});
afterAll(() => temp.remove());

type Overrides = Partial<PrepareOptions>;

async function prepareVendor(name: 'iris' | 'wine', outputName: string, overrides: Overrides = {}) {
  const outputDir = join(temp.path, outputName);
  const log = recordingLogger();
  await prepareDataset({
    dataset: name,
    inputFile: join(VENDOR, `${name}.data`),
    outputDir,
    datasetType: name,
    targetColumn: name === 'iris' ? 'species' : 'class',
    log,
    ...overrides,
  });
  return { outputDir, log, files: await readPrepared(outputDir) };
}

/** The raw rows as prepare should write them, read here with nothing but string splitting. */
async function expectedRows(name: 'iris' | 'wine'): Promise<string[]> {
  const text = await readFile(join(VENDOR, `${name}.data`), 'utf8');
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const rows = lines.map((line) => line.split(','));
  const labelAt = name === 'iris' ? 4 : 0;
  const classes = [...new Set(rows.map((row) => row[labelAt]!))].sort();
  return rows.map((row) => {
    const features = row.filter((_, index) => index !== labelAt);
    const label = String(classes.indexOf(row[labelAt]!));
    return [...features.map((value) => String(Number(value))), label].join(',');
  });
}

function isInFileOrder(written: string[], all: string[]): boolean {
  let next = 0;
  for (const row of written) {
    while (next < all.length && all[next] !== row) next += 1;
    if (next === all.length) return false;
    next += 1;
  }
  return true;
}

describe('prepareDataset on iris', () => {
  it('writes a stratified 120 / 30 split and a schema describing it', async () => {
    const { files } = await prepareVendor('iris', 'iris');
    const raw = await readFile(join(VENDOR, 'iris.data'));
    expect(files.header).toBe('sepal_length,sepal_width,petal_length,petal_width,species');
    expect(files.train).toHaveLength(120);
    expect(files.test).toHaveLength(30);
    expect(files.schema).toMatchObject({
      dataset: 'iris',
      datasetType: 'iris',
      targetColumn: 'species',
      classes: ['Iris-setosa', 'Iris-versicolor', 'Iris-virginica'],
      rows: { total: 150, train: 120, test: 30 },
      classCounts: { total: [50, 50, 50], train: [40, 40, 40], test: [10, 10, 10] },
      split: { testSize: 0.2, seed: 42, stratify: true },
      input: { sha256: createHash('sha256').update(raw).digest('hex'), bytes: raw.length },
    });
    expect(Object.keys(files.schema)).toEqual([
      'dataset',
      'datasetType',
      'targetColumn',
      'features',
      'classes',
      'rows',
      'classCounts',
      'split',
      'input',
    ]);
  });

  it('writes byte-identical files for the same input and options', async () => {
    const first = await prepareVendor('iris', 'same-a');
    const second = await prepareVendor('iris', 'same-b');
    for (const file of ['train.csv', 'test.csv', 'schema.json']) {
      const a = await readFile(join(first.outputDir, file));
      expect(a.equals(await readFile(join(second.outputDir, file))), file).toBe(true);
    }
  });

  it('picks other test rows under another seed', async () => {
    const seeded42 = await prepareVendor('iris', 'seed-42');
    const seeded7 = await prepareVendor('iris', 'seed-7', { seed: 7 });
    expect(seeded7.files.test).toHaveLength(30);
    expect(seeded7.files.test).not.toEqual(seeded42.files.test);
  });

  it('puts every raw row in exactly one of train and test, in file order', async () => {
    const { files } = await prepareVendor('iris', 'content');
    const all = await expectedRows('iris');
    expect([...files.train, ...files.test].sort()).toEqual([...all].sort());
    expect(isInFileOrder(files.train, all)).toBe(true);
    expect(isInFileOrder(files.test, all)).toBe(true);
  });

  it('splits without stratifying when asked, with a row count as test size', async () => {
    const { files } = await prepareVendor('iris', 'plain', { stratify: false, testSize: 45 });
    expect(files.test).toHaveLength(45);
    expect(files.schema.rows).toEqual({ total: 150, train: 105, test: 45 });
    const testTotal = files.schema.classCounts.test.reduce((sum, count) => sum + count, 0);
    expect(testTotal).toBe(45);
  });

  it('logs one line per milestone', async () => {
    const { log } = await prepareVendor('iris', 'logged');
    expect(log.lines).toHaveLength(4);
    expect(log.lines[0]).toMatch(/^read 150 rows, 4 features in \d+ ms$/);
    expect(log.lines[2]).toContain('120 train and 30 test rows (stratified, seed 42)');
  });
});

describe('prepareDataset on wine', () => {
  it('writes features as plain numbers and the class as its index', async () => {
    const { files } = await prepareVendor('wine', 'wine');
    const all = await expectedRows('wine');
    expect(files.schema.classes).toEqual(['1', '2', '3']);
    expect(files.schema.classCounts.total).toEqual([59, 71, 48]);
    expect([...files.train, ...files.test].sort()).toEqual([...all].sort());
    // The first raw row holds '.28', written back as '0.28'.
    const firstRow = '14.23,1.71,2.43,15.6,127,2.8,3.06,0.28,2.29,5.64,1.04,3.92,1065,0';
    expect([...files.train, ...files.test]).toContain(firstRow);
  });
});

describe('prepareDataset on a generic csv file', () => {
  it('reads a semicolon file with a header and quoted fields', async () => {
    const outputDir = join(temp.path, 'people');
    const schema = await prepareDataset({
      dataset: 'people',
      inputFile: join(FIXTURES, 'people-semicolon.csv'),
      outputDir,
      datasetType: 'csv',
      targetColumn: 'kind',
      delimiter: ';',
      testSize: 2,
      log: recordingLogger(),
    });
    const files = await readPrepared(outputDir);
    expect(schema.features).toEqual(['height', 'weight, kg']);
    expect(files.header).toBe('height,"weight, kg",kind');
    expect(schema.classCounts).toEqual({ total: [3, 3], train: [2, 2], test: [1, 1] });
    expect([...files.train, ...files.test]).toContain('1.7,65,0');
  });

  it('writes each feature as String(Number(text)), copied or reformatted alike', async () => {
    const values = [
      '1.50',
      '+2',
      '.5',
      '1e3',
      '0.0000001',
      '-0',
      '7',
      '-3.25',
      '12345678901234567',
    ];
    const rows = values.map((value, index) => `${value},${index % 2 === 0 ? 'a' : 'b'}`);
    // A quote half way hands the rest of the file to csv-parse.
    rows[5] = `"${values[5]}",b`;
    const inputFile = join(temp.path, 'number-forms.csv');
    await writeFile(inputFile, `x,kind\n${rows.join('\n')}\n`);
    const outputDir = join(temp.path, 'number-forms');
    await prepareDataset({
      dataset: 'forms',
      inputFile,
      outputDir,
      datasetType: 'csv',
      targetColumn: 'kind',
      testSize: 2,
      log: recordingLogger(),
    });
    const files = await readPrepared(outputDir);
    const expected = values.map((value, index) => `${String(Number(value))},${index % 2}`);
    expect([...files.train, ...files.test].sort()).toEqual(expected.sort());
  });

  it('reads a file without a header using the columns of the entry', async () => {
    const outputDir = join(temp.path, 'iris-as-csv');
    const schema = await prepareDataset({
      dataset: 'iris',
      inputFile: join(VENDOR, 'iris.data'),
      outputDir,
      datasetType: 'csv',
      targetColumn: 'species',
      header: false,
      columns: ['sl', 'sw', 'pl', 'pw', 'species'],
      log: recordingLogger(),
    });
    expect(schema.features).toEqual(['sl', 'sw', 'pl', 'pw']);
    expect(schema.rows.total).toBe(150);
  });
});
