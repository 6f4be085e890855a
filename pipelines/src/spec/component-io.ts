// What a component takes and gives: ComponentInputsSpec and ComponentOutputsSpec.
import { z } from 'zod';
import { map, message, protobufStruct, protobufValue } from './proto-json.ts';
import {
  artifactTypeSchema,
  parameterType,
  primitiveType,
  valueOrRuntimeParameter,
} from './values-and-types.ts';

export const inputArtifactSpec = message({
  artifactType: artifactTypeSchema,
  isArtifactList: z.boolean(),
  isOptional: z.boolean(),
  description: z.string(),
});

export const inputParameterSpec = message({
  type: primitiveType,
  parameterType,
  defaultValue: protobufValue,
  isOptional: z.boolean(),
  description: z.string(),
  literals: z.array(protobufValue),
});
export type InputParameterSpec = z.infer<typeof inputParameterSpec>;

export const componentInputsSpec = message({
  artifacts: map(inputArtifactSpec),
  parameters: map(inputParameterSpec),
});
export type ComponentInputsSpec = z.infer<typeof componentInputsSpec>;

export const outputArtifactSpec = message({
  artifactType: artifactTypeSchema,
  properties: map(valueOrRuntimeParameter),
  customProperties: map(valueOrRuntimeParameter),
  metadata: protobufStruct,
  isArtifactList: z.boolean(),
  description: z.string(),
});

export const outputParameterSpec = message({
  type: primitiveType,
  parameterType,
  description: z.string(),
});

export const componentOutputsSpec = message({
  artifacts: map(outputArtifactSpec),
  parameters: map(outputParameterSpec),
});
export type ComponentOutputsSpec = z.infer<typeof componentOutputsSpec>;
