// The prepare step's entry point for Nx and Kubeflow alike: it only maps flags onto
// prepareDataset, which validates, splits and encodes the raw file.
import {
  createLogger,
  optionalBoolean,
  optionalNumber,
  optionalString,
  requiredString,
  runCli,
  type OptionValues,
} from '@pipeline/cli';
import { prepareDataset } from '@pipeline/prepare';

function columnList(values: OptionValues): string[] | undefined {
  return optionalString(values, 'columns')?.split(',').map((name) => name.trim());
}

await runCli({
  name: 'prepare',
  summary:
    'Validates a raw file, splits it into train and test and writes train.csv, test.csv ' +
    'and schema.json to --output-dir. --header and --stratify take true or false; ' +
    '--columns is comma-separated.',
  options: {
    dataset: { type: 'string' },
    input: { type: 'string' },
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
      inputFile: requiredString(values, 'input'),
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
});
