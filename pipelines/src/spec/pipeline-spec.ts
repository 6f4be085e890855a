// The typed model of a KFP v2 pipeline spec, read from Kubeflow's pipeline_spec.proto
// (ml_pipelines.PipelineSpec): the document a pipeline.yaml holds and the Kubeflow UI uploads.
import { z } from 'zod';
import { componentSpec } from './component.ts';
import { deploymentConfig } from './deployment.ts';
import { map, message } from './proto-json.ts';

/** The only schema version the Kubeflow API server accepts on upload. */
export const SCHEMA_VERSION = '2.1.0';

export const pipelineInfo = message({
  name: z.string(),
  displayName: z.string(),
  description: z.string(),
});

export const pipelineSpec = message({
  pipelineInfo,
  deploymentSpec: deploymentConfig,
  sdkVersion: z.string(),
  schemaVersion: z.string(),
  components: map(componentSpec),
  root: componentSpec,
  defaultPipelineRoot: z.string(),
});
export type PipelineSpec = z.infer<typeof pipelineSpec>;

export type { ComponentSpec } from './component.ts';
export type {
  ComponentInputsSpec,
  ComponentOutputsSpec,
  InputParameterSpec,
} from './component-io.ts';
export type { DagSpec, PipelineTaskSpec, TaskInputArtifact, TaskInputParameter } from './dag.ts';
export type { ContainerSpec, DeploymentConfig, ExecutorSpec } from './deployment.ts';
export type {
  ArtifactTypeSchema,
  ParameterType,
  ValueOrRuntimeParameter,
} from './values-and-types.ts';
