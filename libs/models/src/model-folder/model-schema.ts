// What a readable model.json must contain, checked before any prediction is made from it.
import { PipelineError } from '@pipeline/errors';
import { z } from 'zod';
import { GAUSSIAN_NB_TYPE, type GaussianNbModel } from '../gaussian-nb/gaussian-nb-model.ts';
import { checkNames } from '../row-checks.ts';

// zod 4's number() already rejects NaN and the infinities.
const gaussianNbSchema = z.object({
  type: z.literal(GAUSSIAN_NB_TYPE),
  features: z.array(z.string()).min(1),
  classes: z.array(z.string()).min(1),
  classCounts: z.array(z.number().int().positive()),
  priors: z.array(z.number().positive()),
  theta: z.array(z.array(z.number())),
  var: z.array(z.array(z.number().positive())),
  epsilon: z.number().nonnegative(),
  varSmoothing: z.number().nonnegative(),
});

/** Validates parsed model.json content; `file` names it in the error. */
export function parseGaussianNbModel(value: unknown, file: string): GaussianNbModel {
  const parsed = gaussianNbSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.');
    throw invalidModel(`${field ? `'${field}': ` : ''}${issue.message}.`, file, field);
  }
  const model = parsed.data;
  try {
    checkNames(model.features, 'feature');
    checkNames(model.classes, 'class');
  } catch (error) {
    throw invalidModel((error as Error).message, file);
  }
  checkShapes(model, file);
  return model;
}

function checkShapes(model: GaussianNbModel, file: string): void {
  const classCount = model.classes.length;
  const featureCount = model.features.length;
  for (const field of ['classCounts', 'priors', 'theta', 'var'] as const) {
    if (model[field].length !== classCount) {
      const message = `'${field}' has ${model[field].length} entries for ${classCount} classes.`;
      throw invalidModel(message, file, field);
    }
  }
  for (const field of ['theta', 'var'] as const) {
    const row = model[field].findIndex((values) => values.length !== featureCount);
    if (row !== -1) {
      throw invalidModel(
        `'${field}.${row}' has ${model[field][row]!.length} values for ${featureCount} features.`,
        file,
        field,
      );
    }
  }
}

function invalidModel(message: string, file: string, field?: string): PipelineError {
  return new PipelineError('MODEL_INVALID', `The model file is unusable: ${message}`, {
    file,
    ...(field ? { field } : {}),
    hint: 'Run the train step again to rewrite the model folder.',
  });
}
