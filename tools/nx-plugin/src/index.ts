// Nx plugin: every entry of datasets.yaml becomes a project with
// config -> ingest -> prepare -> train.
import type { CreateNodes } from '@nx/devkit';
import { createDatasetProjects } from './create-dataset-projects.ts';

export const createNodes: CreateNodes = [
  'datasets.yaml',
  (registryFiles, _options, context) =>
    registryFiles.map(
      (file) => [file, createDatasetProjects(file, context.workspaceRoot)] as const,
    ),
];

export const createNodesV2 = createNodes;
