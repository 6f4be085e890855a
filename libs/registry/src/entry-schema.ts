// The schema of one entry in datasets.yaml. Unknown keys are errors, so typos never pass silently.
import { z } from 'zod';

const gaussianNbModel = z.strictObject({
  type: z.literal('gaussian_nb').default('gaussian_nb'),
  params: z.strictObject({ var_smoothing: z.number().positive().finite().optional() }).default({}),
});

export const MODEL_TYPES = ['gaussian_nb'] as const;

const splitSchema = z.strictObject({
  test_size: z
    .number()
    .positive()
    .refine((value) => value < 1 || Number.isInteger(value), {
      message: 'must be a fraction below 1 or a whole number of rows',
    })
    .default(0.2),
  seed: z.number().int().nonnegative().default(42),
  stratify: z.boolean().default(true),
});

export function createEntrySchema(datasetTypeNames: readonly [string, ...string[]]) {
  return z.strictObject({
    url: z
      .string()
      .min(1)
      .refine((url) => !/^[a-z][a-z0-9+.-]*:/i.test(url) || /^(https?|file):/i.test(url), {
        message: 'must be an https://, http:// or file:// URL, or a path in the workspace',
      }),
    target_column: z.string().min(1),
    dataset_type: z.enum(datasetTypeNames).default('csv'),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hexadecimal digits')
      .optional(),
    experiment_name: z.string().min(1).optional(),
    header: z.boolean().optional(),
    columns: z.array(z.string().min(1)).min(2).optional(),
    delimiter: z.string().length(1).optional(),
    split: splitSchema.default({ test_size: 0.2, seed: 42, stratify: true }),
    model: gaussianNbModel.default({ type: 'gaussian_nb', params: {} }),
  });
}

/** Keys an entry may have at its top level, for "did you mean" suggestions. */
export const ENTRY_KEYS = [
  'url',
  'target_column',
  'dataset_type',
  'sha256',
  'experiment_name',
  'header',
  'columns',
  'delimiter',
  'split',
  'model',
] as const;

export const NESTED_KEYS: Record<string, readonly string[]> = {
  split: ['test_size', 'seed', 'stratify'],
  model: ['type', 'params'],
  'model.params': ['var_smoothing'],
};

export type RawEntry = z.output<ReturnType<typeof createEntrySchema>>;
