import { describe, expect, it } from 'vitest';
import { toMlflowDatasetInput } from './mlflow-dataset.ts';

const BASE = {
  name: 'wine',
  digest: '0c1d2e3f',
  sourceType: 'local',
  source: { uri: 'wine.data' },
};

describe('toMlflowDatasetInput', () => {
  it('stores a missing schema and profile as null and no context as no tags', () => {
    expect(toMlflowDatasetInput(BASE)).toEqual({
      dataset: {
        name: 'wine',
        digest: '0c1d2e3f',
        source_type: 'local',
        source: '{"uri": "wine.data"}',
        schema: null,
        profile: null,
      },
      tags: {},
    });
  });

  it('marks schema columns required unless they say otherwise', () => {
    const { dataset } = toMlflowDatasetInput({
      ...BASE,
      schema: [
        { name: 'alcohol', type: 'double' },
        { name: 'note', type: 'string', required: false },
      ],
    });
    expect(JSON.parse(dataset.schema ?? '')).toEqual({
      mlflow_colspec: [
        { type: 'double', name: 'alcohol', required: true },
        { type: 'string', name: 'note', required: false },
      ],
    });
  });

  it('rejects a digest longer than the 36 characters MLflow stores', () => {
    expect(() => toMlflowDatasetInput({ ...BASE, digest: 'f'.repeat(37) })).toThrow(
      expect.objectContaining({ code: 'TRACKING_FAILED', location: { dataset: 'wine' } }),
    );
  });
});
