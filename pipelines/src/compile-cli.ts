// The compiler's command line: pick the dataset whose entry fills the run parameters' defaults,
// compile, check the spec with the strict validator, and write pipeline.yaml atomically.
import { resolve, relative } from 'node:path';
import { writeFileAtomic } from '@pipeline/atomic-fs';
import {
  createLogger,
  optionalBoolean,
  type Logger,
  optionalString,
  type CliDefinition,
  type OptionValues,
} from '@pipeline/cli';
import { PipelineError } from '@pipeline/errors';
import { loadRegistry, requireEntry, type DatasetEntry } from '@pipeline/registry';
import { compilePipeline } from './build/compile-pipeline.ts';
import type { PipelineDefinition } from './build/pipeline-definition.ts';
import { pipelineYaml } from './build/pipeline-yaml.ts';
import { isPinnedByDigest, loadStepImages, type StepImages } from './images/step-images.ts';
import { formatSpecProblems } from './spec/spec-problem.ts';
import { validatePipelineSpec } from './spec/validate-pipeline-spec.ts';

export const WORKSPACE_ROOT = resolve(import.meta.dirname, '../..');
export const DEFAULT_OUTPUT = 'pipelines/pipeline.yaml';

export interface PipelineSettings {
  /** The entry whose values become the run parameters' defaults; none leaves them unset. */
  entry?: DatasetEntry;
  images: StepImages;
  /** Default of mlflow_tracking_uri; no entry of datasets.yaml holds one. */
  trackingUri?: string;
}

export type PipelineFactory = (settings: PipelineSettings) => PipelineDefinition;

/** A path given on the command line starts at the working directory; a default at the root. */
function pathOption(values: OptionValues, name: string, fallback: string): string {
  const given = optionalString(values, name);
  return given === undefined ? resolve(WORKSPACE_ROOT, fallback) : resolve(given);
}

/** A tag alone can move: warn, or refuse when the release asks for digests. */
function checkDigests(images: StepImages, required: boolean, log: Logger) {
  const unpinned = Object.entries(images)
    .filter(([, image]) => !isPinnedByDigest(image))
    .map(([step]) => step);
  if (unpinned.length === 0) return;
  const hint = 'Push the images, then write each as name@sha256:<digest> in infra/images.yaml.';
  if (required) {
    const message = `images without a digest: ${unpinned.join(', ')}`;
    throw new PipelineError('INVALID_INPUT', message, { file: 'infra/images.yaml', hint });
  }
  log.warn(
    `the ${unpinned.join(', ')} images have no digest: a rebuild under the same tag can hit ` +
      'a stale Kubeflow cache',
  );
}

export function compileCommandFor(dataset: string | undefined): string {
  return `npx nx run pipelines:compile${dataset === undefined ? '' : ` --dataset ${dataset}`}`;
}

export function createCompileCli(factory: PipelineFactory): CliDefinition {
  return {
    name: 'main_pipeline',
    summary:
      'Compiles the Kubeflow pipeline to a KFP v2 pipeline.yaml. --dataset fills the run ' +
      "parameters' defaults from that entry of datasets.yaml.",
    options: {
      dataset: { type: 'string' },
      registry: { type: 'string' },
      images: { type: 'string' },
      output: { type: 'string' },
      'mlflow-tracking-uri': { type: 'string' },
      'require-digests': { type: 'boolean' },
    },
    async run(values) {
      const dataset = optionalString(values, 'dataset');
      const log = createLogger(`compile${dataset === undefined ? '' : ` ${dataset}`}`);
      const registryFile = pathOption(values, 'registry', 'datasets.yaml');
      const entry =
        dataset === undefined ? undefined : requireEntry(loadRegistry(registryFile), dataset);
      const images = loadStepImages(pathOption(values, 'images', 'infra/images.yaml'));
      checkDigests(images, optionalBoolean(values, 'require-digests') ?? false, log);
      const trackingUri = optionalString(values, 'mlflow-tracking-uri');
      const spec = compilePipeline(factory({ entry, images, trackingUri }));
      const validation = validatePipelineSpec(spec);
      if (!validation.ok) {
        throw new PipelineError(
          'INTERNAL',
          `the compiled spec is not valid:\n${formatSpecProblems(validation.problems)}`,
          {
            hint: 'The pipeline definition in pipelines/ is wrong; fix it and compile again.',
          },
        );
      }
      const output = pathOption(values, 'output', DEFAULT_OUTPUT);
      await writeFileAtomic(output, pipelineYaml(spec, compileCommandFor(dataset)));
      const tasks = Object.keys(spec.root?.dag?.tasks ?? {}).length;
      const shown = relative(process.cwd(), output);
      log.info(`wrote ${shown.startsWith('..') ? output : shown}: ${tasks} tasks, spec valid`);
    },
  };
}
