// Nx plugin: every entry of datasets.yaml becomes a project with
// config -> ingest -> prepare -> train.
import type { CreateNodes } from '@nx/devkit';
import { formatError, isPipelineError } from '@pipeline/errors';
import { createDatasetProjects } from './create-dataset-projects.ts';

/** Nx shows only an error's message, so put the file, line and hint into it. */
function withReadableMessage(error: unknown): unknown {
  return isPipelineError(error) ? new Error(formatError(error).replace(/^error /, '')) : error;
}

export const createNodes: CreateNodes = [
  'datasets.yaml',
  (registryFiles, _options, context) =>
    registryFiles.map((file) => {
      try {
        return [file, createDatasetProjects(file, context.workspaceRoot)] as const;
      } catch (error) {
        throw withReadableMessage(error);
      }
    }),
];

export const createNodesV2 = createNodes;
