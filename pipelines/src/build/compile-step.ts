// One step of a pipeline definition as Kubeflow sees it: a component with its inputs and
// outputs, the executor that runs its container, and the task of the root DAG that calls it.
import type {
  ArtifactTypeSchema,
  ComponentSpec,
  ContainerSpec,
  InputParameterSpec,
  PipelineTaskSpec,
  TaskInputArtifact,
  TaskInputParameter,
} from '../spec/pipeline-spec.ts';
import {
  inputNameOf,
  type OptionBinding,
  type ParameterValue,
  type PipelineDefinition,
  type PipelineStep,
} from './pipeline-definition.ts';

/** The KFP artifact types' schema version, as Kubeflow's own SDK writes them. */
const ARTIFACT_SCHEMA_VERSION = '0.0.1';

export const componentName = (step: string) => `comp-${step}`;
export const executorLabel = (step: string) => `exec-${step}`;

interface TypedArtifact {
  artifactType: ArtifactTypeSchema;
}

function artifactType(schemaTitle: string): TypedArtifact {
  return { artifactType: { schemaTitle, schemaVersion: ARTIFACT_SCHEMA_VERSION } };
}

function constantType(value: ParameterValue): InputParameterSpec['parameterType'] {
  if (typeof value === 'boolean') return 'BOOLEAN';
  return typeof value === 'number' ? 'NUMBER_DOUBLE' : 'STRING';
}

/** The placeholder Kubeflow replaces with the option's value at run time. */
function placeholderOf(flag: string, binding: OptionBinding): string {
  switch (binding.kind) {
    case 'parameter':
    case 'constant':
      return `{{$.inputs.parameters['${inputNameOf(flag)}']}}`;
    case 'input-artifact':
      return `{{$.inputs.artifacts['${binding.name}'].path}}`;
    case 'output-artifact':
      return `{{$.outputs.artifacts['${binding.name}'].path}}`;
    case 'executor-input':
      return '{{$}}';
  }
}

export function stepContainer(step: PipelineStep): ContainerSpec {
  const args = Object.entries(step.options).flatMap(([flag, binding]) => [
    `--${flag}`,
    placeholderOf(flag, binding),
  ]);
  return { image: step.image, command: step.command, args };
}

export function stepComponent(step: PipelineStep, pipeline: PipelineDefinition): ComponentSpec {
  const parameters: Record<string, InputParameterSpec> = {};
  const inputArtifacts: Record<string, TypedArtifact> = {};
  const outputArtifacts: Record<string, TypedArtifact> = {};
  for (const [flag, binding] of Object.entries(step.options)) {
    if (binding.kind === 'parameter') {
      const type = pipeline.parameters[binding.parameter]?.type;
      parameters[inputNameOf(flag)] = { parameterType: type };
    } else if (binding.kind === 'constant') {
      parameters[inputNameOf(flag)] = { parameterType: constantType(binding.value) };
    } else if (binding.kind === 'input-artifact') {
      inputArtifacts[binding.name] = artifactType(binding.schemaTitle);
    } else if (binding.kind === 'output-artifact') {
      outputArtifacts[binding.name] = artifactType(binding.schemaTitle);
    }
  }
  for (const published of step.publishes ?? []) {
    outputArtifacts[published.name] = artifactType(published.schemaTitle);
  }
  return {
    executorLabel: executorLabel(step.name),
    inputDefinitions: withoutEmpty({ parameters, artifacts: inputArtifacts }),
    outputDefinitions: withoutEmpty({ artifacts: outputArtifacts }),
  };
}

export function stepTask(step: PipelineStep): PipelineTaskSpec {
  const parameters: Record<string, TaskInputParameter> = {};
  const artifacts: Record<string, TaskInputArtifact> = {};
  const upstream = new Set<string>();
  for (const [flag, binding] of Object.entries(step.options)) {
    if (binding.kind === 'parameter') {
      parameters[inputNameOf(flag)] = { componentInputParameter: binding.parameter };
    } else if (binding.kind === 'constant') {
      parameters[inputNameOf(flag)] = { runtimeValue: { constant: binding.value } };
    } else if (binding.kind === 'input-artifact') {
      const { step: producerTask, output: outputArtifactKey } = binding.producer;
      artifacts[binding.name] = { taskOutputArtifact: { producerTask, outputArtifactKey } };
      upstream.add(producerTask);
    }
  }
  return {
    taskInfo: { name: step.name },
    componentRef: { name: componentName(step.name) },
    ...(upstream.size > 0 ? { dependentTasks: [...upstream].sort() } : {}),
    inputs: withoutEmpty({ parameters, artifacts }),
    cachingOptions: { enableCache: true },
  };
}

/** Drops empty maps, as protobuf's JSON form does, so the spec has no `{}` noise. */
function withoutEmpty<T extends Record<string, object>>(maps: T): Partial<T> | undefined {
  const kept = Object.entries(maps).filter(([, value]) => Object.keys(value).length > 0);
  return kept.length === 0 ? undefined : (Object.fromEntries(kept) as Partial<T>);
}
