// Scores the model on test.csv while streaming it.
import { join } from 'node:path';
import {
  createClassificationMetrics,
  predictClass,
  type ClassificationMetrics,
  type GaussianNbModel,
} from '@pipeline/models';
import type { PreparedSchema } from './prepared-schema.ts';
import { copyRow, readPreparedBatches } from './read-prepared-rows.ts';

export async function evaluateModel(
  preparedDir: string,
  schema: PreparedSchema,
  model: GaussianNbModel,
): Promise<ClassificationMetrics> {
  const metrics = createClassificationMetrics(schema.classes);
  const features = new Float64Array(schema.features.length);
  for await (const batch of readPreparedBatches(join(preparedDir, 'test.csv'), schema)) {
    for (let row = 0; row < batch.size; row += 1) {
      copyRow(batch, row, features);
      metrics.add(batch.classIndices[row]!, predictClass(model, features));
    }
  }
  return metrics.result();
}
