// Reads a model folder back: finds our flavor in MLmodel, then loads and validates its model file.
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { PipelineError } from '@pipeline/errors';
import { parse } from 'yaml';
import type { GaussianNbModel } from '../gaussian-nb/gaussian-nb-model.ts';
import { FLAVOR_FORMAT_VERSION, FLAVOR_NAME, MLMODEL_FILE } from './mlmodel.ts';
import { parseGaussianNbModel } from './model-schema.ts';

const REWRITE_HINT = 'Run the train step again to rewrite the model folder.';

export async function readModelFolder(dir: string): Promise<GaussianNbModel> {
  const modelFile = await readFlavorModelFile(join(dir, MLMODEL_FILE));
  const path = join(dir, modelFile);
  const text = await readText(path);
  let content: unknown;
  try {
    content = JSON.parse(text);
  } catch (error) {
    throw new PipelineError('MODEL_INVALID', `The model file is not valid JSON.`, {
      file: path,
      hint: REWRITE_HINT,
      cause: error,
    });
  }
  return parseGaussianNbModel(content, path);
}

/** The model file named by our flavor; only a plain file name inside the folder is accepted. */
async function readFlavorModelFile(mlmodelPath: string): Promise<string> {
  let document: unknown;
  try {
    document = parse(await readText(mlmodelPath));
  } catch (error) {
    if (error instanceof PipelineError) throw error;
    throw unusableMlmodel(mlmodelPath, 'it is not valid YAML', error);
  }
  const flavor = (document as { flavors?: Record<string, unknown> } | null)?.flavors?.[
    FLAVOR_NAME
  ] as { model_file?: unknown; format_version?: unknown } | undefined;
  if (!flavor) {
    throw unusableMlmodel(mlmodelPath, `it has no '${FLAVOR_NAME}' flavor`);
  }
  if (flavor.format_version !== FLAVOR_FORMAT_VERSION) {
    const found = String(flavor.format_version);
    throw unusableMlmodel(mlmodelPath, `its format_version ${found} is not supported`);
  }
  const modelFile = flavor.model_file;
  const plainName = typeof modelFile === 'string' && basename(modelFile) === modelFile;
  if (!plainName || modelFile.startsWith('.')) {
    throw unusableMlmodel(mlmodelPath, 'its model_file is not a file name inside the folder');
  }
  return modelFile;
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new PipelineError(
      'MODEL_INVALID',
      missing ? 'The model folder is missing this file.' : 'The model file cannot be read.',
      { file: path, hint: REWRITE_HINT, cause: error },
    );
  }
}

function unusableMlmodel(path: string, reason: string, cause?: unknown): PipelineError {
  return new PipelineError('MODEL_INVALID', `The MLmodel file is unusable: ${reason}.`, {
    file: path,
    hint: REWRITE_HINT,
    cause,
  });
}
