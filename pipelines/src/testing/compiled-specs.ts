// Test support: the pipeline compiled for every entry of datasets.yaml, and for no entry.
import { join } from 'node:path';
import { loadRegistry, requireEntry } from '@pipeline/registry';
import { datasetsPipeline } from '../../main_pipeline.ts';
import { compilePipeline } from '../build/compile-pipeline.ts';
import { pipelineYaml } from '../build/pipeline-yaml.ts';
import { compileCommandFor, WORKSPACE_ROOT } from '../compile-cli.ts';
import { loadStepImages } from '../images/step-images.ts';
import type { PipelineSpec } from '../spec/pipeline-spec.ts';

export interface CompiledSpec {
  /** The dataset whose entry filled the defaults, or undefined for none. */
  dataset: string | undefined;
  spec: PipelineSpec;
  yaml: string;
}

export const REGISTRY_FILE = join(WORKSPACE_ROOT, 'datasets.yaml');
export const IMAGES_FILE = join(WORKSPACE_ROOT, 'infra', 'images.yaml');

export function compileFor(
  dataset: string | undefined,
  registryFile = REGISTRY_FILE,
): CompiledSpec {
  const entry =
    dataset === undefined ? undefined : requireEntry(loadRegistry(registryFile), dataset);
  const spec = compilePipeline(datasetsPipeline({ entry, images: loadStepImages(IMAGES_FILE) }));
  return { dataset, spec, yaml: pipelineYaml(spec, compileCommandFor(dataset)) };
}

/** One compiled spec per registered dataset, then the one without defaults. */
export function compileEveryEntry(): CompiledSpec[] {
  const { names } = loadRegistry(REGISTRY_FILE);
  return [...names.map((name) => compileFor(name)), compileFor(undefined)];
}
