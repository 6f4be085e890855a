// Writes a model folder (MLmodel + model.json) that MLflow can list and our reader can reload.
import { join } from 'node:path';
import { writeFileAtomic } from '@pipeline/atomic-fs';
import { stringify } from 'yaml';
import type { GaussianNbModel } from '../gaussian-nb/gaussian-nb-model.ts';
import {
  buildMlmodel,
  MLMODEL_FILE,
  MODEL_FILE,
  type MlmodelDocument,
  type MlmodelOptions,
} from './mlmodel.ts';

/**
 * Each file is replaced atomically, model.json first: a folder whose MLmodel is present always
 * has a complete model.json next to it. Returns the MLmodel content it wrote.
 */
export async function writeModelFolder(
  dir: string,
  model: GaussianNbModel,
  options: MlmodelOptions,
): Promise<MlmodelDocument> {
  const mlmodel = buildMlmodel(model, options);
  await writeFileAtomic(join(dir, MODEL_FILE), `${JSON.stringify(model)}\n`);
  // MLflow reads MLmodel with PyYAML (YAML 1.1): writing 1.1 quotes strings such as the
  // creation time or "on" that it would otherwise turn into a datetime or a boolean.
  // No line folding keeps the signature's JSON on one line.
  const text = stringify(mlmodel, { version: '1.1', lineWidth: 0 });
  await writeFileAtomic(join(dir, MLMODEL_FILE), text);
  return mlmodel;
}
