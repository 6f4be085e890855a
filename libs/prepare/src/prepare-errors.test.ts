// prepareDataset on bad input: the error it raises, and no output folder left behind.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatError } from '@pipeline/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDataset, type PrepareOptions } from './prepare-dataset.ts';
import { recordingLogger, tempFolder, type TempFolder } from './test-outputs.ts';

let temp: TempFolder;
beforeAll(async () => {
  temp = await tempFolder();
});
afterAll(() => temp.remove());

let runs = 0;

/** Runs prepare on the given raw text and returns the formatted error it failed with. */
async function failureOf(rawText: string | undefined, overrides: Partial<PrepareOptions> = {}) {
  runs += 1;
  const inputFile = join(temp.path, `raw-${runs}.csv`);
  if (rawText !== undefined) await writeFile(inputFile, rawText);
  const options: PrepareOptions = {
    dataset: 'people',
    inputFile,
    outputDir: join(temp.path, `out-${runs}`),
    datasetType: 'csv',
    targetColumn: 'kind',
    log: recordingLogger(),
    ...overrides,
  };
  const error = await prepareDataset(options).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error, 'prepare should have failed').toBeDefined();
  expect(existsSync(options.outputDir), 'no output folder after a failure').toBe(false);
  return { error, message: formatError(error) };
}

const HEADER = 'height,weight,kind\n';
const ROWS = '1.7,65,adult\n1.2,30,child\n1.8,80,adult\n0.9,15,child\n1.6,55,adult\n';

describe('prepareDataset on bad input', () => {
  it('rejects a target column that holds one class only', async () => {
    const oneClass = '1.7,65,adult\n1.8,80,adult\n1.6,55,adult\n1.5,50,adult\n';
    const { error, message } = await failureOf(`${HEADER}${oneClass}`);
    expect(error).toMatchObject({ code: 'CLASS_TOO_SMALL', location: { dataset: 'people' } });
    expect(message).toContain("one class only ('adult')");
  });

  it('suggests the delimiter when the header reads as a single column', async () => {
    const { error, message } = await failureOf('height;weight;kind\n1.7;65;adult\n');
    expect(error).toMatchObject({ code: 'UNKNOWN_TARGET_COLUMN' });
    expect(message).toContain("set `delimiter: ';'` in the entry");
  });

  it('reports an empty raw file', async () => {
    const { error } = await failureOf('');
    expect(error).toMatchObject({ code: 'EMPTY_FILE', location: { dataset: 'people' } });
  });

  it('reports a raw file with a header only', async () => {
    const { error, message } = await failureOf(HEADER);
    expect(error).toMatchObject({ code: 'EMPTY_FILE' });
    expect(message).toContain('header but no data rows');
  });

  it('reports a non-numeric feature as file:line:column with the column name', async () => {
    const { error, message } = await failureOf(`${HEADER}${ROWS}1.75,heavy,adult\n`);
    expect(error).toMatchObject({ code: 'MALFORMED_ROW' });
    expect(message).toMatch(/dataset 'people', \S+\/raw-\d+\.csv:7:2, field 'weight'/);
    expect(message).toContain("'heavy'");
  });

  it('reports a row with the wrong number of fields', async () => {
    const { error, message } = await failureOf(`${HEADER}${ROWS}1.75,70\n`);
    expect(error).toMatchObject({ code: 'MALFORMED_ROW', location: { line: 7 } });
    expect(message).toContain('expected 3 fields');
  });

  it('reports an unknown target column with the closest one', async () => {
    const { error, message } = await failureOf(`${HEADER}${ROWS}`, { targetColumn: 'knd' });
    expect(error).toMatchObject({ code: 'UNKNOWN_TARGET_COLUMN' });
    expect(message).toContain("Did you mean 'kind'?");
  });

  it('reports a class of one row under a stratified split', async () => {
    const { error, message } = await failureOf(`${HEADER}${ROWS}1.9,90,giant\n`);
    expect(error).toMatchObject({ code: 'CLASS_TOO_SMALL' });
    expect(message).toContain("class 'giant' has only 1 row");
    expect(message).toContain('split.stratify: false');
  });

  it('accepts the same one-row class when not stratifying', async () => {
    const outputDir = join(temp.path, 'not-stratified');
    const inputFile = join(temp.path, 'one-giant.csv');
    await writeFile(inputFile, `${HEADER}${ROWS}1.9,90,giant\n`);
    const schema = await prepareDataset({
      dataset: 'people',
      inputFile,
      outputDir,
      datasetType: 'csv',
      targetColumn: 'kind',
      stratify: false,
      log: recordingLogger(),
    });
    expect(schema.classes).toEqual(['adult', 'child', 'giant']);
  });

  it('reports an unknown dataset type', async () => {
    const { error, message } = await failureOf(`${HEADER}${ROWS}`, { datasetType: 'cvs' });
    expect(error).toMatchObject({ code: 'UNKNOWN_DATASET_TYPE' });
    expect(message).toContain("Did you mean 'csv'?");
  });

  it('reports a missing raw file and points at the ingest step', async () => {
    const { error, message } = await failureOf(undefined);
    expect(error).toMatchObject({ code: 'INVALID_INPUT' });
    expect(message).toContain('nx run people:ingest');
  });

  it.each([0, -0.2, 1.5, Number.NaN])('rejects the test size %s', async (testSize) => {
    const { error } = await failureOf(`${HEADER}${ROWS}`, { testSize });
    expect(error).toMatchObject({ code: 'INVALID_INPUT', location: { field: 'split.test_size' } });
  });

  it('rejects a seed that is not a whole number', async () => {
    const { error } = await failureOf(`${HEADER}${ROWS}`, { seed: 4.5 });
    expect(error).toMatchObject({ code: 'INVALID_INPUT', location: { field: 'split.seed' } });
  });

  it('removes the output of an earlier run when a new run fails', async () => {
    const outputDir = join(temp.path, 'earlier');
    await mkdir(outputDir);
    await writeFile(join(outputDir, 'train.csv'), 'stale');
    await failureOf(`${HEADER}1,2,\n`, { outputDir });
    expect(existsSync(outputDir)).toBe(false);
  });
});
