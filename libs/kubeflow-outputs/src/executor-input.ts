// Reads the executor input that Kubeflow substitutes for the `{{$}}` placeholder: it names the
// file where a step reports artifact metadata back to Kubeflow, and the step's output artifacts.
import { z } from 'zod';
import { PipelineError } from '@pipeline/errors';

const FLAG = 'kfp-executor-input';

// Only the fields read here are checked; Kubeflow sends more and may add fields.
const runtimeArtifact = z.object({ name: z.string().optional(), uri: z.string().optional() });
const executorInputShape = z.object({
  outputs: z.object({
    outputFile: z.string().min(1),
    artifacts: z.record(z.string(), z.object({ artifacts: z.array(runtimeArtifact).min(1) })),
  }),
});

export interface OutputArtifactRef {
  name: string;
  uri: string;
}

export interface KubeflowExecutorInput {
  /** Where Kubeflow reads the step's ExecutorOutput JSON after the step ends. */
  outputFile: string;
  outputArtifacts: ReadonlyMap<string, OutputArtifactRef>;
}

function usageError(message: string, cause?: unknown): PipelineError {
  return new PipelineError('USAGE', message, {
    field: FLAG,
    cause,
    hint: "Kubeflow passes this option as '{{$}}'; compile the pipeline again if it is missing.",
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw usageError(`--${FLAG} is not JSON: ${(cause as Error).message}`, cause);
  }
}

/** Parses `--kfp-executor-input` and checks that every artifact the step publishes is there. */
export function parseExecutorInput(text: string, published: string[]): KubeflowExecutorInput {
  const parsed = executorInputShape.safeParse(parseJson(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw usageError(`--${FLAG} lacks ${issue.path.join('.') || 'its outputs'}: ${issue.message}`);
  }
  const outputArtifacts = new Map<string, OutputArtifactRef>();
  for (const [key, list] of Object.entries(parsed.data.outputs.artifacts)) {
    const first = list.artifacts[0]!;
    outputArtifacts.set(key, { name: first.name ?? '', uri: first.uri ?? '' });
  }
  const missing = published.filter((name) => !outputArtifacts.has(name));
  if (missing.length > 0) {
    throw usageError(`--${FLAG} has no output artifact ${missing.map((n) => `'${n}'`).join(', ')}`);
  }
  return { outputFile: parsed.data.outputs.outputFile, outputArtifacts };
}
