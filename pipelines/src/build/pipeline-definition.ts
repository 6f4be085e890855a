// The TypeScript form of a Kubeflow pipeline: run parameters, and steps whose CLI options are
// each bound to a run parameter, a constant, an artifact, or Kubeflow's executor input.
import type { ParameterType } from '../spec/pipeline-spec.ts';

export type RunParameterType = Extract<
  ParameterType,
  'STRING' | 'NUMBER_DOUBLE' | 'NUMBER_INTEGER'
>;
export type ParameterValue = string | number | boolean;

export interface RunParameter {
  type: RunParameterType;
  description: string;
  /** Filled in from an entry of datasets.yaml; without one the user supplies the value. */
  defaultValue?: ParameterValue;
}

/** How one CLI option of a step gets its value in Kubeflow. */
export type OptionBinding =
  | { kind: 'parameter'; parameter: string }
  | { kind: 'constant'; value: ParameterValue }
  | { kind: 'input-artifact'; name: string; schemaTitle: string; producer: ArtifactProducer }
  | { kind: 'output-artifact'; name: string; schemaTitle: string }
  | { kind: 'executor-input' };

export interface ArtifactProducer {
  step: string;
  output: string;
}

/** An output artifact the step reports through Kubeflow's executor output, not through a path. */
export interface PublishedArtifact {
  name: string;
  schemaTitle: string;
}

export interface PipelineStep {
  name: string;
  image: string;
  /** The container's command; the options follow it as `--flag value` pairs. */
  command: string[];
  options: Record<string, OptionBinding>;
  publishes?: PublishedArtifact[];
}

export interface PipelineDefinition {
  name: string;
  description: string;
  parameters: Record<string, RunParameter>;
  steps: PipelineStep[];
}

export const parameter = (name: string): OptionBinding => ({ kind: 'parameter', parameter: name });

export const constant = (value: ParameterValue): OptionBinding => ({ kind: 'constant', value });

export const outputArtifact = (name: string, schemaTitle: string): OptionBinding => ({
  kind: 'output-artifact',
  name,
  schemaTitle,
});

export function artifactFrom(step: string, output: string, schemaTitle: string): OptionBinding {
  return { kind: 'input-artifact', name: output, schemaTitle, producer: { step, output } };
}

export const executorInput = (): OptionBinding => ({ kind: 'executor-input' });

/** A component input is named after its option: `--test-size` becomes `test_size`. */
export function inputNameOf(flag: string): string {
  return flag.replaceAll('-', '_');
}
