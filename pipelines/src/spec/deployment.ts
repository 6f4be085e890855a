// The deployment config: what each executor runs (PipelineDeploymentConfig). The pipeline spec
// holds it as a free-form Struct; Kubeflow reads it as this message, so it is checked as one.
import { z } from 'zod';
import { double, int32, int64, map, message, protobufStruct } from './proto-json.ts';
import { artifactTypeSchema, valueOrRuntimeParameter } from './values-and-types.ts';

const execSpec = message({ command: z.array(z.string()), args: z.array(z.string()) });

const resourceSpec = message({
  cpuLimit: double,
  memoryLimit: double,
  cpuRequest: double,
  memoryRequest: double,
  resourceCpuLimit: z.string(),
  resourceMemoryLimit: z.string(),
  resourceCpuRequest: z.string(),
  resourceMemoryRequest: z.string(),
  accelerator: message({
    type: z.string(),
    count: int64,
    resourceType: z.string(),
    resourceCount: z.string(),
  }),
});

export const containerSpec = message({
  image: z.string(),
  command: z.array(z.string()),
  args: z.array(z.string()),
  lifecycle: message({ preCacheCheck: execSpec }),
  resources: resourceSpec,
  env: z.array(message({ name: z.string(), value: z.string() })),
});
export type ContainerSpec = z.infer<typeof containerSpec>;

const importerSpec = message({
  artifactUri: valueOrRuntimeParameter,
  typeSchema: artifactTypeSchema,
  properties: map(valueOrRuntimeParameter),
  customProperties: map(valueOrRuntimeParameter),
  reimport: z.boolean(),
  metadata: protobufStruct,
  downloadToWorkspace: z.boolean(),
});

const resolverSpec = message({
  outputArtifactQueries: map(message({ filter: z.string(), limit: int32 })),
});

export const executorSpec = message(
  {
    container: containerSpec,
    importer: importerSpec,
    resolver: resolverSpec,
    customJob: message({ customJob: protobufStruct }),
  },
  [['container', 'importer', 'resolver', 'customJob']],
);
export type ExecutorSpec = z.infer<typeof executorSpec>;

export const deploymentConfig = message({ executors: map(executorSpec) });
export type DeploymentConfig = z.infer<typeof deploymentConfig>;
