// Fits the model in one streaming pass over train.csv; memory does not grow with the rows.
import { join } from 'node:path';
import { PipelineError } from '@pipeline/errors';
import { createGaussianNbFitter, type GaussianNbModel } from '@pipeline/models';
import type { PreparedSchema } from './prepared-schema.ts';
import { copyRow, readPreparedBatches } from './read-prepared-rows.ts';

export interface ModelChoice {
  type: string;
  params: Record<string, number>;
}

export const SUPPORTED_MODEL_TYPES = ['gaussian_nb'] as const;

/** Checked before a run is created, so a typo never leaves a failed run behind. */
export function checkModelChoice(choice: ModelChoice, dataset: string) {
  if (!(SUPPORTED_MODEL_TYPES as readonly string[]).includes(choice.type)) {
    throw new PipelineError('MODEL_INVALID', `unknown model type '${choice.type}'`, {
      dataset, field: 'model.type',
      hint: `Use one of: ${SUPPORTED_MODEL_TYPES.join(', ')}.`,
    });
  }
  const unknown = Object.keys(choice.params).filter((key) => key !== 'var_smoothing');
  if (unknown.length > 0) {
    throw new PipelineError('MODEL_INVALID', `unknown model parameter '${unknown[0]}'`, {
      dataset, field: `model.params.${unknown[0]}`, hint: 'gaussian_nb takes var_smoothing.',
    });
  }
}

export async function fitModel(
  preparedDir: string,
  schema: PreparedSchema,
  choice: ModelChoice,
): Promise<GaussianNbModel> {
  const fitter = createGaussianNbFitter({
    features: schema.features,
    classes: schema.classes,
    varSmoothing: choice.params.var_smoothing,
  });
  // One row buffer for every row: a view per row would be a million small objects per million.
  const features = new Float64Array(schema.features.length);
  for await (const batch of readPreparedBatches(join(preparedDir, 'train.csv'), schema)) {
    for (let row = 0; row < batch.size; row += 1) {
      copyRow(batch, row, features);
      fitter.add(features, batch.classIndices[row]!);
    }
  }
  return fitter.finish();
}
