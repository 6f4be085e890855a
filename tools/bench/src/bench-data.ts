// The benchmark's input files: generated once per setting and kept, since the same settings
// always give the same bytes; a sidecar JSON remembers each file's size and sha256.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  writeGeneratedDataset,
  type GeneratedDatasetSettings,
  type GeneratedFile,
} from './generated-dataset.ts';

function fileNameOf(settings: GeneratedDatasetSettings): string {
  const { rows, features, classes, seed } = settings;
  return `rows-${rows}-f${features}-c${classes}-s${seed}.csv`;
}

async function knownFile(path: string): Promise<GeneratedFile | undefined> {
  try {
    const known = JSON.parse(await readFile(`${path}.json`, 'utf8')) as GeneratedFile;
    const { size } = await stat(path);
    return size === known.bytes ? { ...known, path } : undefined;
  } catch {
    return undefined;
  }
}

/** The generated file for these settings, written first if it is not there yet. */
export async function generatedInput(
  dataDir: string,
  settings: GeneratedDatasetSettings,
): Promise<GeneratedFile & { generatedNow: boolean }> {
  await mkdir(dataDir, { recursive: true });
  const path = join(dataDir, fileNameOf(settings));
  const known = await knownFile(path);
  if (known) return { ...known, generatedNow: false };
  const written = await writeGeneratedDataset(path, settings);
  await writeFile(`${path}.json`, `${JSON.stringify(written, null, 2)}\n`);
  return { ...written, generatedNow: true };
}
