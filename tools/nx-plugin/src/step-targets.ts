// The four targets of a dataset project. Target options hold only paths derived from the
// dataset's name: Nx hashes every target's options into every task of the project, so the
// entry's settings travel in per-step JSON files instead (see the `config` target).
import type { TargetConfiguration } from '@nx/devkit';
import { stepOutputDir, type PipelineTarget } from './output-paths.ts';

/** The bundled step CLI, built from the same sources by the cached `bundle` target. */
function runStep(step: string): string {
  return `node dist/steps/${step}.mjs`;
}

/**
 * Every step waits for the bundles, which Nx restores from its cache when the code is unchanged.
 * One esbuild run builds all four: on two cores, four runs in parallel take longer.
 */
const BUNDLES = { projects: ['@pipeline/step-bundles'], target: 'bundle' };

function configFile(dataset: string, step: string): string {
  return `${stepOutputDir(dataset, 'config')}/${step}.json`;
}

/** Hash only this step's own options file out of the config target's outputs. */
function ownConfigInput(step: string) {
  return { dependentTasksOutputFiles: `**/config/${step}.json`, transitive: false };
}

function outputOf(dataset: string, target: PipelineTarget): string[] {
  return [`{workspaceRoot}/${stepOutputDir(dataset, target)}`];
}

export function configTarget(dataset: string, registryFile: string): TargetConfiguration {
  return {
    command:
      `${runStep('step-config')} --registry ${registryFile}` +
      ` --dataset ${dataset} --output-dir ${stepOutputDir(dataset, 'config')}`,
    dependsOn: [BUNDLES],
    inputs: [`{workspaceRoot}/${registryFile}`, 'configCode'],
    outputs: outputOf(dataset, 'config'),
    cache: true,
    metadata: { description: 'Validate the entry and split it into one options file per step.' },
  };
}

export function ingestTarget(dataset: string, pinned: boolean): TargetConfiguration {
  return {
    command:
      `${runStep('ingest')} --options-file ${configFile(dataset, 'ingest')}` +
      ` --output-dir ${stepOutputDir(dataset, 'ingest')}`,
    dependsOn: [BUNDLES, 'config'],
    inputs: [ownConfigInput('ingest'), 'ingestCode'],
    outputs: outputOf(dataset, 'ingest'),
    // Without a pinned sha256 the source may change at any time, so always fetch again.
    cache: pinned,
    metadata: { description: 'Fetch the raw file, verify its sha256 and store it.' },
  };
}

export function prepareTarget(dataset: string): TargetConfiguration {
  const ingested = stepOutputDir(dataset, 'ingest');
  return {
    command:
      `${runStep('prepare')} --options-file ${configFile(dataset, 'prepare')}` +
      ` --input ${ingested}/raw.data --output-dir ${stepOutputDir(dataset, 'prepare')}`,
    dependsOn: [BUNDLES, 'config', 'ingest'],
    inputs: [
      ownConfigInput('prepare'),
      { dependentTasksOutputFiles: '**/ingest/raw.data', transitive: false },
      'prepareCode',
    ],
    outputs: outputOf(dataset, 'prepare'),
    cache: true,
    metadata: { description: 'Parse, clean, encode and split the raw file into CSVs.' },
  };
}

export function trainTarget(dataset: string): TargetConfiguration {
  return {
    command:
      `${runStep('train')} --options-file ${configFile(dataset, 'train')}` +
      ` --prepared-dir ${stepOutputDir(dataset, 'prepare')}` +
      ` --output-dir ${stepOutputDir(dataset, 'train')}`,
    dependsOn: [BUNDLES, 'config', 'prepare'],
    inputs: [
      ownConfigInput('train'),
      { dependentTasksOutputFiles: '**/prepare/*', transitive: false },
      'trainCode',
      { env: 'MLFLOW_TRACKING_URI' },
      { env: 'MLFLOW_EXPERIMENT_NAME' },
    ],
    outputs: outputOf(dataset, 'train'),
    cache: true,
    metadata: { description: 'Fit and evaluate the model, and log the run to MLflow.' },
  };
}
