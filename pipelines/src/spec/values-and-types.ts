// Parameter types, artifact types and constant values of the KFP v2 pipeline spec
// (ml_pipelines in Kubeflow's pipeline_spec.proto).
import { z } from 'zod';
import { double, int64, message, protobufValue } from './proto-json.ts';

export const PARAMETER_TYPES = [
  'PARAMETER_TYPE_ENUM_UNSPECIFIED',
  'NUMBER_DOUBLE',
  'NUMBER_INTEGER',
  'STRING',
  'BOOLEAN',
  'LIST',
  'STRUCT',
  'TASK_FINAL_STATUS',
  'TASK_CONFIG',
] as const;
export const parameterType = z.enum(PARAMETER_TYPES);
export type ParameterType = z.infer<typeof parameterType>;

/** Deprecated in the proto in favour of parameterType, but still a field that may appear. */
export const primitiveType = z.enum(['PRIMITIVE_TYPE_UNSPECIFIED', 'INT', 'DOUBLE', 'STRING']);

export const artifactTypeSchema = message(
  {
    schemaTitle: z.string(),
    schemaUri: z.string(),
    instanceSchema: z.string(),
    schemaVersion: z.string(),
  },
  [['schemaTitle', 'schemaUri', 'instanceSchema']],
);
export type ArtifactTypeSchema = z.infer<typeof artifactTypeSchema>;

/** ml_pipelines.Value, the older constant type. */
export const pipelineValue = message(
  { intValue: int64, doubleValue: double, stringValue: z.string() },
  [['intValue', 'doubleValue', 'stringValue']],
);

export const valueOrRuntimeParameter = message(
  { constantValue: pipelineValue, runtimeParameter: z.string(), constant: protobufValue },
  [['constantValue', 'runtimeParameter', 'constant']],
);
export type ValueOrRuntimeParameter = z.infer<typeof valueOrRuntimeParameter>;
