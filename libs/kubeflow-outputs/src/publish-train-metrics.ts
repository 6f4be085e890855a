// Reports train's evaluation to Kubeflow: writes the ExecutorOutput file that Kubeflow reads
// after the step, with the metadata of the metrics and confusion-matrix artifacts.
import { join } from 'node:path';
import { writeFileAtomic } from '@pipeline/atomic-fs';
import type { KubeflowExecutorInput } from './executor-input.ts';
import {
  confusionMatrixMetadata,
  readTrainMetrics,
  scalarMetricsMetadata,
} from './metrics-metadata.ts';
import { CONFUSION_MATRIX_ARTIFACT, METRICS_ARTIFACT } from './train-output-artifacts.ts';

/** The artifacts train publishes; the step checks them in the executor input before it trains. */
export const TRAIN_PUBLISHED_ARTIFACTS = [METRICS_ARTIFACT, CONFUSION_MATRIX_ARTIFACT];

function runtimeArtifact(input: KubeflowExecutorInput, key: string, metadata: object) {
  const { name, uri } = input.outputArtifacts.get(key)!;
  return { artifacts: [{ name, uri, metadata }] };
}

/** Reads `<trainOutputDir>/metrics.json` and writes the ExecutorOutput JSON Kubeflow expects. */
export async function publishTrainMetrics(
  input: KubeflowExecutorInput,
  trainOutputDir: string,
): Promise<void> {
  const metrics = await readTrainMetrics(join(trainOutputDir, 'metrics.json'));
  const executorOutput = {
    artifacts: {
      [METRICS_ARTIFACT]: runtimeArtifact(input, METRICS_ARTIFACT, scalarMetricsMetadata(metrics)),
      [CONFUSION_MATRIX_ARTIFACT]: runtimeArtifact(
        input,
        CONFUSION_MATRIX_ARTIFACT,
        confusionMatrixMetadata(metrics),
      ),
    },
  };
  await writeFileAtomic(input.outputFile, `${JSON.stringify(executorOutput, null, 2)}\n`);
}
