// Writes what train leaves behind for Nx's cache: the model folder, the plots and the metrics.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ClassificationMetrics, GaussianNbModel, MlmodelDocument } from '@pipeline/models';
import { writeModelFolder } from '@pipeline/models';
import { renderConfusionMatrixSvg, renderSvgToPng } from '@pipeline/plots';

export const MODEL_ARTIFACT_PATH = 'model';

export interface TrainOutputFiles {
  modelDir: string;
  mlmodel: MlmodelDocument;
  svgFile: string;
  pngFile: string;
  metricsFile: string;
}

export async function writeTrainOutputs(
  dir: string,
  dataset: string,
  runId: string,
  model: GaussianNbModel,
  metrics: ClassificationMetrics,
): Promise<TrainOutputFiles> {
  const modelDir = join(dir, MODEL_ARTIFACT_PATH);
  const mlmodel = await writeModelFolder(modelDir, model, {
    artifactPath: MODEL_ARTIFACT_PATH,
    runId,
  });
  const svg = await renderConfusionMatrixSvg({
    classes: model.classes,
    matrix: metrics.confusion,
    title: `${dataset}: confusion matrix on the test split`,
  });
  const svgFile = join(dir, 'confusion_matrix.svg');
  const pngFile = join(dir, 'confusion_matrix.png');
  const metricsFile = join(dir, 'metrics.json');
  await writeFile(svgFile, svg);
  await writeFile(pngFile, renderSvgToPng(svg));
  await writeFile(metricsFile, `${JSON.stringify(metrics, null, 2)}\n`);
  return { modelDir, mlmodel, svgFile, pngFile, metricsFile };
}
