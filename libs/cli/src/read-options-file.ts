// Step options can come from a JSON file (written by the Nx plugin's step-config target)
// as well as from flags, so Nx and Kubeflow call the very same CLI.
import { readFile } from 'node:fs/promises';
import { PipelineError } from '@pipeline/errors';

export type OptionValues = Record<string, string | boolean | undefined>;

export async function readOptionsFile(path: string): Promise<OptionValues> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (cause) {
    throw new PipelineError('USAGE', `cannot read the options file: ${String(cause)}`, {
      file: path,
      hint: 'Run the step-config target again (`nx run <dataset>:step-config`).',
      cause,
    });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new PipelineError('USAGE', 'the options file must hold a JSON object', { file: path });
  }
  const values: OptionValues = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (value === null || value === undefined) continue;
    values[key] = typeof value === 'boolean' ? value : String(value);
  }
  return values;
}
