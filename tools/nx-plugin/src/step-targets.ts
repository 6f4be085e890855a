// The four targets of a dataset project. Target options hold only paths derived from the
// dataset's name: Nx hashes every target's options into every task of the project, so the
// entry's settings travel in per-step JSON files instead (see the `config` target).
import type { TargetConfiguration } from '@nx/devkit';
import { stepOutputDir, type PipelineTarget } from './output-paths.ts';

const RUN_STEP = 'node --import tsx';

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
      `${RUN_STEP} apps/step-config/src/cli.ts --registry ${registryFile}` +
      ` --dataset ${dataset} --output-dir ${stepOutputDir(dataset, 'config')}`,
    inputs: [`{workspaceRoot}/${registryFile}`, 'configCode'],
    outputs: outputOf(dataset, 'config'),
    cache: true,
    metadata: { description: 'Validate the entry and split it into one options file per step.' },
  };
}

export function ingestTarget(dataset: string, pinned: boolean): TargetConfiguration {
  return {
    command:
      `${RUN_STEP} apps/ingest/src/cli.ts --options-file ${configFile(dataset, 'ingest')}` +
      ` --output-dir ${stepOutputDir(dataset, 'ingest')}`,
    dependsOn: ['config'],
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
      `${RUN_STEP} apps/prepare/src/cli.ts --options-file ${configFile(dataset, 'prepare')}` +
      ` --input ${ingested}/raw.data --output-dir ${stepOutputDir(dataset, 'prepare')}`,
    dependsOn: ['config', 'ingest'],
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
      `${RUN_STEP} apps/train/src/cli.ts --options-file ${configFile(dataset, 'train')}` +
      ` --prepared-dir ${stepOutputDir(dataset, 'prepare')}` +
      ` --output-dir ${stepOutputDir(dataset, 'train')}`,
    dependsOn: ['config', 'prepare'],
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
