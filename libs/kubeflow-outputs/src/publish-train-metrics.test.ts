// Train's report to Kubeflow: the ExecutorOutput file names the metrics and confusion-matrix
// artifacts with the metadata the Kubeflow UI draws, in a form Kubeflow's protobuf classes read.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isPipelineError } from '@pipeline/errors';
import { runPythonJson } from '@pipeline/test-support';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseExecutorInput } from './executor-input.ts';
import { publishTrainMetrics, TRAIN_PUBLISHED_ARTIFACTS } from './publish-train-metrics.ts';

const METRICS = {
  total: 5,
  correct: 4,
  accuracy: 0.8,
  macroPrecision: 0.75,
  macroRecall: 0.7,
  macroF1: 0.72,
  perClass: [
    { label: 'adelie', precision: 1, recall: 0.5, f1: 0.67, support: 2 },
    { label: 'gentoo', precision: 0.5, recall: 1, f1: 0.67, support: 3 },
  ],
  confusion: [
    [1, 1],
    [0, 3],
  ],
};

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'kubeflow-outputs-'));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

/** An executor input as Kubeflow's launcher writes it for the train task. */
function executorInputText(outputFile: string, artifacts = TRAIN_PUBLISHED_ARTIFACTS): string {
  const outputs = Object.fromEntries(
    artifacts.map((name) => [
      name,
      {
        artifacts: [
          { name: `run-1/${name}`, uri: `minio://mlpipeline/v2/artifacts/train/${name}` },
        ],
      },
    ]),
  );
  return JSON.stringify({
    inputs: { parameterValues: { dataset: 'penguins' } },
    outputs: { artifacts: outputs, outputFile },
  });
}

async function publish() {
  await writeFile(join(folder, 'metrics.json'), JSON.stringify(METRICS));
  const outputFile = join(folder, 'kfp_outputs', 'output_metadata.json');
  const input = parseExecutorInput(executorInputText(outputFile), TRAIN_PUBLISHED_ARTIFACTS);
  await publishTrainMetrics(input, folder);
  return JSON.parse(await readFile(outputFile, 'utf8'));
}

describe('publishing train metrics to Kubeflow', () => {
  it('gives the scalar metrics and the confusion matrix as artifact metadata', async () => {
    const output = await publish();
    expect(output.artifacts.metrics.artifacts).toEqual([
      {
        name: 'run-1/metrics',
        uri: 'minio://mlpipeline/v2/artifacts/train/metrics',
        metadata: { accuracy: 0.8, precision_macro: 0.75, recall_macro: 0.7, f1_macro: 0.72 },
      },
    ]);
    expect(output.artifacts.confusion_matrix.artifacts[0].metadata).toEqual({
      confusionMatrix: {
        annotationSpecs: [{ displayName: 'adelie' }, { displayName: 'gentoo' }],
        rows: [{ row: [1, 1] }, { row: [0, 3] }],
      },
    });
  });

  it("writes a document Kubeflow's ExecutorOutput message parses", async () => {
    const output = await publish();
    const parsed = await runPythonJson<{ artifacts: string[]; accuracy: number }>(
      `
import json, sys
from google.protobuf import json_format
from kfp.pipeline_spec import pipeline_spec_pb2
message = json_format.ParseDict(json.load(sys.stdin), pipeline_spec_pb2.ExecutorOutput())
print(json.dumps({"artifacts": sorted(message.artifacts),
  "accuracy": message.artifacts["metrics"].artifacts[0].metadata["accuracy"]}))
`,
      output,
      {},
      'kfp',
    );
    expect(parsed).toEqual({ artifacts: ['confusion_matrix', 'metrics'], accuracy: 0.8 });
  });

  it('refuses an executor input without an artifact it publishes, before any training', () => {
    const text = executorInputText('/tmp/out.json', ['metrics']);
    let failure: unknown;
    try {
      parseExecutorInput(text, TRAIN_PUBLISHED_ARTIFACTS);
    } catch (error) {
      failure = error;
    }
    expect(isPipelineError(failure) && failure.code).toBe('USAGE');
    expect((failure as Error).message).toContain("no output artifact 'confusion_matrix'");
  });

  it('refuses an executor input that is not JSON', () => {
    expect(() => parseExecutorInput('{{$}}', [])).toThrow(/--kfp-executor-input is not JSON/);
  });

  it('refuses a confusion matrix that does not fit the classes', async () => {
    await writeFile(join(folder, 'metrics.json'), JSON.stringify({ ...METRICS, confusion: [[1]] }));
    const input = parseExecutorInput(executorInputText(join(folder, 'out.json')), []);
    await expect(publishTrainMetrics(input, folder)).rejects.toThrow(/does not match the classes/);
  });
});
