// Reads schema.json, the description `prepare` writes beside train.csv and test.csv.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { PipelineError } from '@pipeline/errors';

const preparedSchemaShape = z.object({
  dataset: z.string(),
  datasetType: z.string(),
  targetColumn: z.string(),
  features: z.array(z.string()).min(1),
  classes: z.array(z.string()).min(2),
  rows: z.object({ total: z.number(), train: z.number(), test: z.number() }),
  classCounts: z.object({
    total: z.array(z.number()),
    train: z.array(z.number()),
    test: z.array(z.number()),
  }),
  split: z.object({ testSize: z.number(), seed: z.number(), stratify: z.boolean() }),
  input: z.object({ sha256: z.string(), bytes: z.number() }),
});

export type PreparedSchema = z.infer<typeof preparedSchemaShape>;

export async function readPreparedSchema(preparedDir: string, dataset: string) {
  const file = join(preparedDir, 'schema.json');
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (cause) {
    throw new PipelineError('INVALID_INPUT', 'cannot read the prepared schema', {
      dataset,
      file,
      cause,
      hint: `Run \`nx run ${dataset}:prepare\` first.`,
    });
  }
  const parsed = preparedSchemaShape.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PipelineError(
      'INVALID_INPUT',
      `schema.json is not as prepare writes it: ${issue.message}`,
      {
        dataset,
        file,
        field: issue.path.join('.'),
        hint: `Run \`nx run ${dataset}:prepare\` again.`,
      },
    );
  }
  return parsed.data;
}
