// Writes each step's share of a dataset's entry to its own JSON file (ingest.json, ...).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { withStagedDirectory } from '@pipeline/atomic-fs';
import { loadRegistry, requireEntry, STEP_NAMES, STEP_OPTIONS } from '@pipeline/registry';

export async function writeStepConfigs(registryFile: string, dataset: string, outputDir: string) {
  const entry = requireEntry(loadRegistry(registryFile), dataset);
  await withStagedDirectory(outputDir, async (staged) => {
    for (const step of STEP_NAMES) {
      const options = STEP_OPTIONS[step](entry);
      await writeFile(join(staged, `${step}.json`), `${JSON.stringify(options, null, 2)}\n`);
    }
  });
  return entry;
}
