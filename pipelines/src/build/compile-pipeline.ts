// Compiles a pipeline definition into a KFP v2 pipeline spec: one component, executor and root
// task per step, and the run parameters as the root component's inputs.
import { SCHEMA_VERSION, type ComponentSpec, type PipelineSpec } from '../spec/pipeline-spec.ts';
import {
  componentName,
  executorLabel,
  stepComponent,
  stepContainer,
  stepTask,
} from './compile-step.ts';
import type { PipelineDefinition } from './pipeline-definition.ts';

/** Recorded as the spec's sdkVersion: what compiled it, in place of Kubeflow's Python SDK. */
export const COMPILER_NAME = 'datasets-pipeline-compiler-1';

function rootInputs(pipeline: PipelineDefinition): ComponentSpec['inputDefinitions'] {
  const parameters = Object.fromEntries(
    Object.entries(pipeline.parameters).map(([name, parameter]) => {
      const { type, description, defaultValue } = parameter;
      const defaults = defaultValue === undefined ? {} : { defaultValue, isOptional: true };
      return [name, { parameterType: type, description, ...defaults }];
    }),
  );
  return { parameters };
}

export function compilePipeline(pipeline: PipelineDefinition): PipelineSpec {
  const components: Record<string, ComponentSpec> = {};
  const executors: Record<string, { container: ReturnType<typeof stepContainer> }> = {};
  const tasks: Record<string, ReturnType<typeof stepTask>> = {};
  for (const step of pipeline.steps) {
    components[componentName(step.name)] = stepComponent(step, pipeline);
    executors[executorLabel(step.name)] = { container: stepContainer(step) };
    tasks[step.name] = stepTask(step);
  }
  return {
    pipelineInfo: { name: pipeline.name, description: pipeline.description },
    schemaVersion: SCHEMA_VERSION,
    sdkVersion: COMPILER_NAME,
    root: { inputDefinitions: rootInputs(pipeline), dag: { tasks } },
    components,
    deploymentSpec: { executors },
  };
}
