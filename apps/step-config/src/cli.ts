// CLI: validates one dataset's entry in datasets.yaml and writes the per-step option files.
import { createLogger, requiredString, runCli } from '@pipeline/cli';
import { writeStepConfigs } from './write-step-configs.ts';

await runCli({
  name: 'step-config',
  summary: "Validate a dataset's entry and write one options file per step.",
  options: {
    registry: { type: 'string' },
    dataset: { type: 'string' },
    'output-dir': { type: 'string' },
  },
  async run(values) {
    const dataset = requiredString(values, 'dataset');
    const outputDir = requiredString(values, 'output-dir');
    await writeStepConfigs(requiredString(values, 'registry'), dataset, outputDir);
    createLogger(`config ${dataset}`).info(`entry valid; step options in ${outputDir}`);
  },
});
