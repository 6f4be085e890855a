// The iris and wine presets on the vendored UCI files.
import { join } from 'node:path';
import { WORKSPACE_ROOT } from '@pipeline/test-support';
import { describe, expect, it } from 'vitest';
import { countByLabel, fileInput, readAll, textInput } from './test-reading.ts';

const VENDOR = join(WORKSPACE_ROOT, 'vendor', 'datasets');

describe('iris preset', () => {
  it('reads the 150 rows of iris.data, skipping the blank last line', async () => {
    const iris = await readAll('iris', fileInput(join(VENDOR, 'iris.data')), {
      targetColumn: 'species',
    });
    expect(iris.featureNames).toEqual([
      'sepal_length',
      'sepal_width',
      'petal_length',
      'petal_width',
    ]);
    expect(iris.records).toHaveLength(150);
    expect(countByLabel(iris.records)).toEqual({
      'Iris-setosa': 50,
      'Iris-versicolor': 50,
      'Iris-virginica': 50,
    });
    expect(iris.records[0]).toEqual({
      line: 1,
      features: [5.1, 3.5, 1.4, 0.2],
      label: 'Iris-setosa',
    });
    expect(iris.records.at(-1)?.line).toBe(150);
  });

  it('treats every column but the target as a numeric feature', async () => {
    const read = readAll('iris', textInput('5.1,3.5,1.4,0.2,Iris-setosa\n'), {
      targetColumn: 'petal_width',
    });
    await expect(read).rejects.toMatchObject({
      code: 'MALFORMED_ROW',
      location: { line: 1, column: 5, field: 'species' },
    });
  });

  it('refuses a header or other columns, since its layout is fixed', async () => {
    const text = '5.1,3.5,1.4,0.2,Iris-setosa\n';
    await expect(
      readAll('iris', textInput(text), { targetColumn: 'species', header: true }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', location: { field: 'header' } });
    await expect(
      readAll('iris', textInput(text), { targetColumn: 'species', columns: ['a', 'b'] }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', location: { field: 'columns' } });
  });
});

describe('wine preset', () => {
  it('reads the 178 rows of wine.data, the class first, then thirteen features', async () => {
    const wine = await readAll('wine', fileInput(join(VENDOR, 'wine.data')), {
      targetColumn: 'class',
    });
    expect(wine.featureNames).toHaveLength(13);
    expect(wine.featureNames[0]).toBe('alcohol');
    expect(wine.featureNames.at(-1)).toBe('proline');
    expect(wine.records).toHaveLength(178);
    expect(countByLabel(wine.records)).toEqual({ '1': 59, '2': 71, '3': 48 });
  });

  it('reads values written without a leading zero or with long decimals', async () => {
    const row = '1,14.23,1.71,2.43,15.6,127,2.8,3.06,.28,2.29,9.899999,1.04,3.92,1065\n';
    const wine = await readAll('wine', textInput(row), { targetColumn: 'class' });
    expect(wine.records[0]?.features[7]).toBe(0.28);
    expect(wine.records[0]?.features[9]).toBe(9.899999);
    expect(wine.records[0]?.label).toBe('1');
  });
});
