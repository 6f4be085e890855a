// Writes into the MLflow file store so a concurrently reading `mlflow ui` sees each file whole
// or not at all: content is staged in a folder MLflow never lists, then renamed into place.
import { copyFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { tempSiblingOf } from '@pipeline/atomic-fs';
import { parse, stringify } from 'yaml';

/** MLflow reads meta.yaml with PyYAML, which speaks YAML 1.1 (`yes`, `on`, dates are special). */
const YAML_VERSION = '1.1';

/**
 * `stagingDir` must be on the same filesystem as `path` and must not be a folder MLflow lists:
 * a temporary file inside `params/` or `artifacts/` would briefly look like a param or artifact.
 */
export async function writeStoreFile(
  path: string,
  data: string | Uint8Array,
  stagingDir = dirname(path),
): Promise<void> {
  await placeStoreFile(path, stagingDir, (temp) => writeFile(temp, data));
}

export async function copyIntoStore(
  sourcePath: string,
  path: string,
  stagingDir: string,
): Promise<void> {
  await placeStoreFile(path, stagingDir, (temp) => copyFile(sourcePath, temp));
}

async function placeStoreFile(
  path: string,
  stagingDir: string,
  fill: (tempPath: string) => Promise<void>,
): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = tempSiblingOf(join(stagingDir, `.${basename(path)}`));
  try {
    await fill(temp);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Sorted keys and single quotes, as MLflow's own `write_yaml` produces. */
export function toStoreYaml(record: Record<string, unknown>): string {
  return stringify(record, { version: YAML_VERSION, sortMapEntries: true, singleQuote: true });
}

export async function writeMetaYaml(
  path: string,
  record: Record<string, unknown>,
  stagingDir?: string,
): Promise<void> {
  await writeStoreFile(path, toStoreYaml(record), stagingDir);
}

export async function readMetaYaml(path: string): Promise<Record<string, unknown>> {
  const parsed: unknown = parse(await readFile(path, 'utf8'), { version: YAML_VERSION });
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${path} does not hold a YAML mapping`);
  }
  return parsed as Record<string, unknown>;
}

/** Reads a file that may not exist yet; any other failure is a real error. */
export async function readOptionalText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Builds a folder in `stagingParent` and renames it to `finalDir` in one step, so readers never
 * meet the folder without its meta.yaml. Returns false when the folder already existed.
 */
export async function publishDirectory(
  finalDir: string,
  stagingParent: string,
  fill: (stagedDir: string) => Promise<void>,
): Promise<boolean> {
  await mkdir(dirname(finalDir), { recursive: true });
  const staged = tempSiblingOf(join(stagingParent, `.${basename(finalDir)}`));
  await mkdir(staged, { recursive: true });
  try {
    await fill(staged);
    await rename(staged, finalDir);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTEMPTY') return false;
    throw error;
  } finally {
    await rm(staged, { recursive: true, force: true });
  }
}
