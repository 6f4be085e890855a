// The prepare step: read the raw file once (the census, which also encodes every row), then split
// the encoded rows into train.csv and test.csv and write schema.json, all into a staged folder
// that is renamed into place only when all three are done.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TEMP_MARKER, withStagedDirectory } from '@pipeline/atomic-fs';
import { formatDuration, type Logger } from '@pipeline/cli';
import { getDatasetType, type DatasetTypeOptions } from '@pipeline/dataset-types';
import { isPipelineError } from '@pipeline/errors';
import { takeCensus, type Census } from './census.ts';
import { checkRawFileExists } from './raw-file-input.ts';
import { buildSchema, schemaFileText, type PreparedSchema } from './schema-file.ts';
import { checkSplitOptions, type SplitOptions } from './split-options.ts';
import { planSplit } from './split-plan.ts';
import { writeSplitFiles } from './split-writer.ts';

export interface PrepareOptions extends DatasetTypeOptions, Partial<SplitOptions> {
  inputFile: string;
  outputDir: string;
  /** A name from DATASET_TYPE_NAMES. */
  datasetType: string;
  log: Logger;
}

const SHOWN_CLASSES = 10;
/** The census's encoded rows; removed before the staged folder becomes the output. */
const ENCODED_ROWS_FILE = `rows${TEMP_MARKER}encoded`;

function describeClasses(census: Census): string {
  const shown = census.classes
    .slice(0, SHOWN_CLASSES)
    .map((name, index) => `${name} (${census.classCounts[index]})`);
  const more = census.classes.length - shown.length;
  const rest = more > 0 ? `, and ${more} more` : '';
  const count = census.classes.length;
  return `${count} ${count === 1 ? 'class' : 'classes'}: ${shown.join(', ')}${rest}`;
}

function typeOptionsOf(options: PrepareOptions): DatasetTypeOptions {
  const { dataset, targetColumn, header, columns, delimiter } = options;
  return { dataset, targetColumn, header, columns, delimiter };
}

async function prepareInto(stagedDir: string, options: PrepareOptions, split: SplitOptions) {
  const { dataset, inputFile, targetColumn, log } = options;
  checkSplitOptions(split);
  const datasetType = getDatasetType(options.datasetType);
  await checkRawFileExists(inputFile, dataset);
  const typeOptions = typeOptionsOf(options);

  let startedAt = performance.now();
  const encodedFile = join(stagedDir, ENCODED_ROWS_FILE);
  const census = await takeCensus(datasetType, inputFile, typeOptions, encodedFile);
  const features = census.featureNames.length;
  log.info(`read ${census.total} rows, ${features} features in ${formatDuration(startedAt)}`);
  log.info(describeClasses(census));

  const plan = planSplit(census.classes, census.classCounts, split);
  const how = `${split.stratify ? 'stratified' : 'not stratified'}, seed ${split.seed}`;
  log.info(`split into ${plan.sizes.train} train and ${plan.sizes.test} test rows (${how})`);

  startedAt = performance.now();
  const files = { encodedFile, census, plan, targetColumn, outputDir: stagedDir };
  const written = await writeSplitFiles(files).finally(() => rm(encodedFile, { force: true }));
  const schema = buildSchema({
    dataset,
    datasetType: datasetType.name,
    targetColumn,
    census,
    written,
    split,
  });
  await writeFile(join(stagedDir, 'schema.json'), schemaFileText(schema));
  log.info(`wrote train.csv, test.csv and schema.json in ${formatDuration(startedAt)}`);
  return schema;
}

/** Validates, splits and encodes one dataset; a failure leaves no output folder behind. */
export async function prepareDataset(options: PrepareOptions): Promise<PreparedSchema> {
  const split: SplitOptions = {
    testSize: options.testSize ?? 0.2,
    seed: options.seed ?? 42,
    stratify: options.stratify ?? true,
  };
  try {
    return await withStagedDirectory(options.outputDir, (stagedDir) =>
      prepareInto(stagedDir, options, split),
    );
  } catch (error) {
    throw isPipelineError(error) ? error.withLocation({ dataset: options.dataset }) : error;
  }
}
