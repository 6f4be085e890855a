import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PipelineError } from '@pipeline/errors';
import { WORKSPACE_ROOT } from '@pipeline/test-support';
import { loadRegistry, requireEntry } from './load-registry.ts';

async function registryFile(text: string): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'registry-')), 'datasets.yaml');
  await writeFile(file, text);
  return file;
}

function errorOf(action: () => unknown): PipelineError {
  try {
    action();
  } catch (error) {
    if (error instanceof PipelineError) return error;
    throw error;
  }
  throw new Error('expected a PipelineError');
}

const MINIMAL = `datasets:
  iris:
    url: vendor/datasets/iris.data
    dataset_type: iris
    target_column: species
`;

describe('loadRegistry', () => {
  it('fills every default of a minimal entry', async () => {
    const entry = requireEntry(loadRegistry(await registryFile(MINIMAL)), 'iris');
    expect(entry).toEqual({
      name: 'iris',
      url: 'vendor/datasets/iris.data',
      sha256: undefined,
      targetColumn: 'species',
      datasetType: 'iris',
      experimentName: 'Iris Classification',
      header: undefined,
      columns: undefined,
      delimiter: undefined,
      split: { testSize: 0.2, seed: 42, stratify: true },
      model: { type: 'gaussian_nb', params: {} },
    });
  });

  it('defaults the dataset type to csv and titles multi-word names', async () => {
    const file = await registryFile(
      'datasets:\n  red-wine:\n    url: a.csv\n    target_column: y\n',
    );
    const entry = requireEntry(loadRegistry(file), 'red-wine');
    expect(entry.datasetType).toBe('csv');
    expect(entry.experimentName).toBe('Red Wine Classification');
  });

  it('reports malformed YAML with the line and column', async () => {
    const file = await registryFile('datasets:\n  iris:\n    url: [unclosed\n');
    const error = errorOf(() => loadRegistry(file));
    expect(error.code).toBe('REGISTRY_SYNTAX');
    expect(error.location.file).toBe(file);
    expect(error.location.line).toBeGreaterThanOrEqual(3);
  });

  it('rejects an unknown key at its line and suggests the closest valid key', async () => {
    const file = await registryFile(MINIMAL + '    target_colum: species\n');
    const error = errorOf(() => requireEntry(loadRegistry(file), 'iris'));
    expect(error.code).toBe('REGISTRY_INVALID');
    expect(error.location).toMatchObject({
      dataset: 'iris',
      field: 'target_colum',
      line: 6,
      column: 5,
    });
    expect(error.message).toContain("did you mean 'target_column'?");
  });

  it('suggests nested keys inside split', async () => {
    const file = await registryFile(MINIMAL + '    split:\n      sed: 7\n');
    const error = errorOf(() => requireEntry(loadRegistry(file), 'iris'));
    expect(error.location).toMatchObject({ field: 'split.sed', line: 7 });
    expect(error.message).toContain("did you mean 'seed'?");
  });

  it.each(['url', 'target_column'])(
    'names a missing %s and where the entry starts',
    async (key) => {
      const text = MINIMAL.split('\n')
        .filter((line) => !line.includes(`${key}:`))
        .join('\n');
      const file = await registryFile(text);
      const missing = errorOf(() => requireEntry(loadRegistry(file), 'iris'));
      expect(missing.location).toMatchObject({ dataset: 'iris', field: key, line: 2 });
      expect(missing.message).toBe('is required');
    },
  );

  it('rejects an unknown dataset type and lists the known ones', async () => {
    const file = await registryFile(MINIMAL.replace('dataset_type: iris', 'dataset_type: parquet'));
    const error = errorOf(() => requireEntry(loadRegistry(file), 'iris'));
    expect(error.location).toMatchObject({ field: 'dataset_type', line: 4, column: 19 });
    expect(error.message).toBe("'parquet' is not allowed; use one of csv, iris, wine");
  });

  it.each(['../x', 'Iris', '.hidden', 'a/b'])('rejects the dataset name %s', async (name) => {
    const file = await registryFile(`datasets:\n  "${name}":\n    url: a\n    target_column: y\n`);
    const error = errorOf(() => loadRegistry(file));
    expect(error.code).toBe('REGISTRY_INVALID');
    expect(error.message).toContain(`'${name}' is not a valid dataset name`);
    expect(error.location.line).toBe(2);
  });

  it('keeps a broken entry from affecting the valid ones', async () => {
    const file = await registryFile(MINIMAL + '  wine:\n    url: w\n');
    const registry = loadRegistry(file);
    expect(registry.names).toEqual(['iris', 'wine']);
    expect(requireEntry(registry, 'iris').url).toBe('vendor/datasets/iris.data');
    expect(errorOf(() => requireEntry(registry, 'wine')).location.dataset).toBe('wine');
  });

  it('rejects csv-only settings on a fixed-format dataset type', async () => {
    const file = await registryFile(MINIMAL + '    delimiter: ";"\n');
    const error = errorOf(() => requireEntry(loadRegistry(file), 'iris'));
    expect(error.location).toMatchObject({ field: 'delimiter', line: 6 });
    expect(error.message).toContain("only applies to dataset_type 'csv'");
  });

  it('rejects a malformed sha256 and a test size of 1.5', async () => {
    const text = MINIMAL + '    sha256: abc\n    split:\n      test_size: 1.5\n';
    const file = await registryFile(text);
    const error = errorOf(() => requireEntry(loadRegistry(file), 'iris'));
    expect(error.message).toContain("'sha256'");
    expect(error.message).toContain("'split.test_size'");
  });

  it('names an unregistered dataset and lists the registered ones', async () => {
    const error = errorOf(() =>
      requireEntry(loadRegistry(join(WORKSPACE_ROOT, 'datasets.yaml')), 'nope'),
    );
    expect(error.code).toBe('DATASET_NOT_REGISTERED');
    expect(error.hint).toContain('iris, wine');
  });
});

describe('loadRegistry on values of the wrong type', () => {
  const CSV_ENTRY = 'datasets:\n  data:\n    url: data.csv\n';
  it.each([
    ['    target_column: 7\n', 'target_column', "must be text, got '7'; put it in quotes"],
    ['    target_column: y\n    header: yes\n', 'header', "must be true or false, got 'yes'"],
    [
      '    target_column: y\n    split: 0.3\n',
      'split',
      "must be a mapping of keys to values, got '0.3'",
    ],
    ['    target_column: y\n    columns: a,b\n', 'columns', "must be a list, got 'a,b'"],
  ])('says what is wrong with %j instead of calling it missing', async (lines, field, message) => {
    const file = await registryFile(CSV_ENTRY + lines);
    const error = errorOf(() => requireEntry(loadRegistry(file), 'data'));
    expect(error.location.field).toBe(field);
    expect(error.message).toBe(message);
  });

  it('defaults the model type when only its params are given', async () => {
    const file = await registryFile(
      MINIMAL + '    model:\n      params:\n        var_smoothing: 0.01\n',
    );
    expect(requireEntry(loadRegistry(file), 'iris').model).toEqual({
      type: 'gaussian_nb',
      params: { var_smoothing: 0.01 },
    });
  });

  it('rejects a URL scheme that ingest cannot fetch', async () => {
    const file = await registryFile(
      MINIMAL.replace('vendor/datasets/iris.data', 'ftp://host/iris'),
    );
    const error = errorOf(() => requireEntry(loadRegistry(file), 'iris'));
    expect(error.location).toMatchObject({ field: 'url', line: 3 });
    expect(error.message).toContain('https://, http:// or file://');
  });
});
