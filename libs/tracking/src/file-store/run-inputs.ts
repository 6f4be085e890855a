// Dataset inputs: the dataset is stored once per experiment, and each run that used it gets
// a small link folder under inputs/.
import { join } from 'node:path';
import { toMlflowDatasetInput } from '../mlflow-dataset.ts';
import type { DatasetInput } from '../tracking-backend.ts';
import { publishDirectory, writeMetaYaml } from './store-files.ts';
import { META_FILE, datasetIdOf, datasetInputIdOf } from './store-layout.ts';

async function publishMeta(dir: string, stagingParent: string, meta: Record<string, unknown>) {
  await publishDirectory(dir, stagingParent, (staged) =>
    writeMetaYaml(join(staged, META_FILE), meta),
  );
}

/** Both folders are built in the run folder and renamed into place, complete with meta.yaml. */
export async function writeDatasetInputs(
  experimentDir: string,
  run: { runId: string; runDir: string },
  inputs: DatasetInput[],
): Promise<void> {
  for (const input of inputs) {
    const { dataset, tags } = toMlflowDatasetInput(input);
    const datasetId = datasetIdOf(dataset.name, dataset.digest);
    await publishMeta(join(experimentDir, 'datasets', datasetId), run.runDir, { ...dataset });
    const inputId = datasetInputIdOf(datasetId, run.runId);
    await publishMeta(join(run.runDir, 'inputs', inputId), run.runDir, {
      // MLflow's writer stores the dataset id here rather than the run id; its reader ignores
      // the field, and we write what MLflow writes.
      destination_id: datasetId,
      destination_type: 'RUN',
      source_id: datasetId,
      source_type: 'DATASET',
      tags,
    });
  }
}
