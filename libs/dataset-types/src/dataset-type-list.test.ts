// Looking dataset types up by name.
import { formatError } from '@pipeline/errors';
import { describe, expect, it } from 'vitest';
import { DATASET_TYPE_NAMES, getDatasetType } from './dataset-type-list.ts';

describe('dataset type list', () => {
  it('names every registered type for the registry schema', () => {
    expect([...DATASET_TYPE_NAMES].sort()).toEqual(['csv', 'iris', 'wine']);
    for (const name of DATASET_TYPE_NAMES) expect(getDatasetType(name).name).toBe(name);
  });

  it('rejects an unknown type name and suggests the closest known one', () => {
    let message = '';
    try {
      getDatasetType('wines');
    } catch (error) {
      expect(error).toMatchObject({ code: 'UNKNOWN_DATASET_TYPE' });
      message = formatError(error);
    }
    expect(message).toContain("Did you mean 'wine'?");
    expect(message).toContain('csv, iris, wine');
  });
});
