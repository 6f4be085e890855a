// The prepare step's entry point for Nx and Kubeflow alike: it only maps flags onto
// prepareDataset, which validates, splits and encodes the raw file.
import { join } from 'node:path';
import {
  createLogger,
  isEntryPoint,
  optionalBoolean,
  optionalNumber,
  optionalString,
  requiredString,
  runCli,
  type CliDefinition,
  type OptionValues,
} from '@pipeline/cli';
import { PipelineError } from '@pipeline/errors';
import { prepareDataset } from '@pipeline/prepare';

/** The file ingest writes into its output folder, which Kubeflow hands on as a whole. */
const RAW_FILE_IN_FOLDER = 'raw.data';

function columnList(values: OptionValues): string[] | undefined {
  return optionalString(values, 'columns')
    ?.split(',')
    .map((name) => name.trim());
}

/** --input names the raw file; --raw-dir names ingest's output folder, as Kubeflow passes it. */
function rawFile(values: OptionValues): string {
  const rawDir = optionalString(values, 'raw-dir');
  if (rawDir === undefined) return requiredString(values, 'input');
  if (optionalString(values, 'input') !== undefined) {
    throw new PipelineError('USAGE', 'give either --input or --raw-dir, not both', {
      field: 'raw-dir',
      hint: '--input takes the raw file itself; --raw-dir the folder that holds raw.data.',
    });
  }
  return join(rawDir, RAW_FILE_IN_FOLDER);
}

export const prepareCli: CliDefinition = {
  name: 'prepare',
  summary:
    'Validates a raw file, splits it into train and test and writes train.csv, test.csv ' +
    'and schema.json to --output-dir. --header and --stratify take true or false; ' +
    "--columns is comma-separated. --raw-dir reads raw.data from ingest's output folder.",
  options: {
    dataset: { type: 'string' },
    input: { type: 'string' },
    'raw-dir': { type: 'string' },
    'output-dir': { type: 'string' },
    'dataset-type': { type: 'string' },
    'target-column': { type: 'string' },
    header: { type: 'string' },
    columns: { type: 'string' },
    delimiter: { type: 'string' },
    'test-size': { type: 'string' },
    seed: { type: 'string' },
    stratify: { type: 'string' },
  },
  async run(values) {
    const dataset = requiredString(values, 'dataset');
    await prepareDataset({
      dataset,
      inputFile: rawFile(values),
      outputDir: requiredString(values, 'output-dir'),
      datasetType: optionalString(values, 'dataset-type') ?? 'csv',
      targetColumn: requiredString(values, 'target-column'),
      header: optionalBoolean(values, 'header'),
      columns: columnList(values),
      delimiter: optionalString(values, 'delimiter'),
      testSize: optionalNumber(values, 'test-size'),
      seed: optionalNumber(values, 'seed'),
      stratify: optionalBoolean(values, 'stratify'),
      log: createLogger(`prepare ${dataset}`),
    });
  },
};

// The Kubeflow tests import this module for its options; only running the file starts the step.
if (isEntryPoint(import.meta.filename)) {
  await runCli(prepareCli);
}
