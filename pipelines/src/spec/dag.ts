// A DAG of tasks: DagSpec, PipelineTaskSpec and how a task's inputs are wired (TaskInputsSpec).
import { z } from 'zod';
import { double, int32, map, message, protobufDuration } from './proto-json.ts';
import { valueOrRuntimeParameter } from './values-and-types.ts';

const taskOutputParameter = message({ producerTask: z.string(), outputParameterKey: z.string() });
const taskOutputArtifact = message({ producerTask: z.string(), outputArtifactKey: z.string() });

export const taskInputParameter = message(
  {
    taskOutputParameter,
    runtimeValue: valueOrRuntimeParameter,
    componentInputParameter: z.string(),
    taskFinalStatus: message({ producerTask: z.string() }),
    parameterExpressionSelector: z.string(),
  },
  [['taskOutputParameter', 'runtimeValue', 'componentInputParameter', 'taskFinalStatus']],
);
export type TaskInputParameter = z.infer<typeof taskInputParameter>;

export const taskInputArtifact = message(
  { taskOutputArtifact, componentInputArtifact: z.string() },
  [['taskOutputArtifact', 'componentInputArtifact']],
);
export type TaskInputArtifact = z.infer<typeof taskInputArtifact>;

export const taskInputsSpec = message({
  parameters: map(taskInputParameter),
  artifacts: map(taskInputArtifact),
});

const triggerPolicy = message({
  condition: z.string(),
  strategy: z.enum([
    'TRIGGER_STRATEGY_UNSPECIFIED',
    'ALL_UPSTREAM_TASKS_SUCCEEDED',
    'ALL_UPSTREAM_TASKS_COMPLETED',
  ]),
});

const artifactIterator = message({
  items: message({ inputArtifact: z.string() }),
  itemInput: z.string(),
});

const parameterIterator = message({
  items: message({ raw: z.string(), inputParameter: z.string() }, [['raw', 'inputParameter']]),
  itemInput: z.string(),
});

const retryPolicy = message({
  maxRetryCount: int32,
  backoffDuration: protobufDuration,
  backoffFactor: double,
  backoffMaxDuration: protobufDuration,
});

export const pipelineTaskSpec = message(
  {
    taskInfo: message({ name: z.string() }),
    inputs: taskInputsSpec,
    dependentTasks: z.array(z.string()),
    cachingOptions: message({ enableCache: z.boolean(), cacheKey: z.string() }),
    componentRef: message({ name: z.string() }),
    triggerPolicy,
    artifactIterator,
    parameterIterator,
    retryPolicy,
    iteratorPolicy: message({ parallelismLimit: int32 }),
  },
  [['artifactIterator', 'parameterIterator']],
);
export type PipelineTaskSpec = z.infer<typeof pipelineTaskSpec>;

const artifactSelector = message({ producerSubtask: z.string(), outputArtifactKey: z.string() });
const parameterSelector = message({ producerSubtask: z.string(), outputParameterKey: z.string() });

const dagOutputParameter = message(
  {
    valueFromParameter: parameterSelector,
    valueFromOneof: message({ parameterSelectors: z.array(parameterSelector) }),
  },
  [['valueFromParameter', 'valueFromOneof']],
);

export const dagOutputsSpec = message({
  artifacts: map(message({ artifactSelectors: z.array(artifactSelector) })),
  parameters: map(dagOutputParameter),
});

export const dagSpec = message({ tasks: map(pipelineTaskSpec), outputs: dagOutputsSpec });
export type DagSpec = z.infer<typeof dagSpec>;
