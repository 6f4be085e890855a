// A component: its inputs and outputs, and either a DAG of tasks or an executor's label.
import { z } from 'zod';
import { componentInputsSpec, componentOutputsSpec } from './component-io.ts';
import { dagSpec } from './dag.ts';
import { int32, map, message, protobufStruct } from './proto-json.ts';

const pipelineConfig = message({
  resourceTtlOnCompletion: int32,
  workspace: message({
    size: z.string(),
    kubernetes: message({ pvcSpecPatch: protobufStruct }),
  }),
  resourceTtlOnSuccess: int32,
  resourceTtlOnFailure: int32,
  activeDeadlineSeconds: int32,
});

const singlePlatformSpec = message({
  deploymentSpec: message({ executors: map(protobufStruct) }),
  platform: z.string(),
  config: protobufStruct,
  pipelineConfig,
});

const taskConfigPassthrough = message({
  field: z.enum([
    'NONE',
    'RESOURCES',
    'ENV',
    'KUBERNETES_AFFINITY',
    'KUBERNETES_TOLERATIONS',
    'KUBERNETES_NODE_SELECTOR',
    'KUBERNETES_VOLUMES',
  ]),
  applyToTask: z.boolean(),
});

export const componentSpec = message(
  {
    inputDefinitions: componentInputsSpec,
    outputDefinitions: componentOutputsSpec,
    dag: dagSpec,
    executorLabel: z.string(),
    singlePlatformSpecs: z.array(singlePlatformSpec),
    taskConfigPassthroughs: z.array(taskConfigPassthrough),
  },
  [['dag', 'executorLabel']],
);
export type ComponentSpec = z.infer<typeof componentSpec>;
