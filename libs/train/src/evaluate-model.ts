// Scores the model on test.csv while streaming it.
import { join } from 'node:path';
import {
  createClassificationMetrics,
  predictClass,
  type ClassificationMetrics,
  type GaussianNbModel,
} from '@pipeline/models';
import type { PreparedSchema } from './prepared-schema.ts';
import { readPreparedRows } from './read-prepared-rows.ts';

export async function evaluateModel(
  preparedDir: string,
  schema: PreparedSchema,
  model: GaussianNbModel,
): Promise<ClassificationMetrics> {
  const metrics = createClassificationMetrics(schema.classes);
  for await (const row of readPreparedRows(join(preparedDir, 'test.csv'), schema)) {
    metrics.add(row.classIndex, predictClass(model, row.features));
  }
  return metrics.result();
}
