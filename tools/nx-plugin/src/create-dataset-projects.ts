// Turns datasets.yaml into one Nx project per dataset.
import type { CreateNodesResult, ProjectConfiguration } from '@nx/devkit';
import { join } from 'node:path';
import { loadRegistry } from '@pipeline/registry';
import { configTarget, ingestTarget, prepareTarget, trainTarget } from './step-targets.ts';

/** The step CLIs a dataset project runs; edges to them make `nx affected` follow code changes. */
const STEP_PROJECTS = [
  '@pipeline/step-config-cli',
  '@pipeline/ingest-cli',
  '@pipeline/prepare-cli',
  '@pipeline/train-cli',
];

function datasetProject(dataset: string, registryFile: string, pinned: boolean) {
  const project: ProjectConfiguration = {
    name: dataset,
    root: `datasets/${dataset}`,
    projectType: 'application',
    tags: ['type:dataset'],
    implicitDependencies: STEP_PROJECTS,
    targets: {
      config: configTarget(dataset, registryFile),
      ingest: ingestTarget(dataset, pinned),
      prepare: prepareTarget(dataset),
      train: trainTarget(dataset),
    },
  };
  return project;
}

export function createDatasetProjects(registryFile: string, workspaceRoot: string) {
  const registry = loadRegistry(join(workspaceRoot, registryFile));
  const projects: CreateNodesResult['projects'] = {};
  for (const dataset of registry.names) {
    // An invalid entry still gets its project: its `config` target reports the problems,
    // and the other datasets keep working.
    const pinned = registry.entries.get(dataset)?.sha256 !== undefined;
    const project = datasetProject(dataset, registryFile, pinned);
    projects[project.root] = project;
  }
  return { projects };
}
