// The ingest step's entry point for Nx and Kubeflow alike: it only maps flags onto ingestRawFile.
import {
  createLogger,
  isEntryPoint,
  optionalNumber,
  optionalString,
  requiredString,
  runCli,
  type CliDefinition,
} from '@pipeline/cli';
import { createDownloadProgress, ingestRawFile } from '@pipeline/ingest';

export const ingestCli: CliDefinition = {
  name: 'ingest',
  summary:
    "Fetches a dataset's raw file, checks its sha256 and writes raw.data and raw.json. " +
    'Relative paths start at --workspace-root.',
  options: {
    dataset: { type: 'string' },
    url: { type: 'string' },
    sha256: { type: 'string' },
    'output-dir': { type: 'string' },
    'store-dir': { type: 'string' },
    'vendor-dir': { type: 'string' },
    'workspace-root': { type: 'string' },
    'connect-timeout-ms': { type: 'string' },
    'read-timeout-ms': { type: 'string' },
    retries: { type: 'string' },
  },
  async run(values) {
    const dataset = requiredString(values, 'dataset');
    await ingestRawFile({
      dataset,
      url: requiredString(values, 'url'),
      sha256: optionalString(values, 'sha256'),
      outputDir: requiredString(values, 'output-dir'),
      storeDir: optionalString(values, 'store-dir'),
      vendorDir: optionalString(values, 'vendor-dir'),
      workspaceRoot: optionalString(values, 'workspace-root'),
      http: {
        connectTimeoutMs: optionalNumber(values, 'connect-timeout-ms'),
        readTimeoutMs: optionalNumber(values, 'read-timeout-ms'),
        retries: optionalNumber(values, 'retries'),
      },
      log: createLogger(`ingest ${dataset}`),
      progress: createDownloadProgress(process.stdout),
    });
  },
};

// The Kubeflow tests import this module for its options; only running the file starts the step.
if (isEntryPoint(import.meta.filename)) {
  await runCli(ingestCli);
}
