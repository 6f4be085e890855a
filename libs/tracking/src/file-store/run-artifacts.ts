// Run artifacts on local disk: single files, whole folders, and model folders with MLmodel.
import { readdir } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PipelineError } from '@pipeline/errors';
import { assertValidArtifactPath } from '../entity-keys.ts';
import { copyIntoStore, toStoreYaml, writeStoreFile } from './store-files.ts';

export const MLMODEL_FILE = 'MLmodel';

/** The local folder behind a run's artifact URI; remote artifact stores are not written here. */
export function localArtifactRoot(artifactUri: string): string {
  if (artifactUri.startsWith('file:')) return fileURLToPath(artifactUri);
  if (isAbsolute(artifactUri)) return artifactUri;
  throw new PipelineError(
    'UNSUPPORTED_ARTIFACT_STORE',
    `the run's artifacts belong at '${artifactUri}', but only local artifact folders are supported`,
    { hint: 'Use an experiment whose artifact location is a local folder, or a new one.' },
  );
}

/** Staging next to artifacts/ keeps temporary files out of the UI's artifact browser. */
function stagingDirOf(artifactRoot: string): string {
  return dirname(artifactRoot);
}

export async function copyArtifactFile(
  artifactRoot: string,
  localPath: string,
  artifactDir?: string,
): Promise<void> {
  if (artifactDir) assertValidArtifactPath(artifactDir);
  const destination = join(artifactRoot, artifactDir ?? '', basename(localPath));
  await copyIntoStore(localPath, destination, stagingDirOf(artifactRoot));
}

/** Every file below `root`, as relative paths with "/" separators. */
export async function filesUnder(root: string, prefix = ''): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(join(root, prefix), { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...(await filesUnder(root, relative)));
    else files.push(relative);
  }
  return files;
}

export async function copyArtifactDirectory(
  artifactRoot: string,
  localDir: string,
  artifactPath: string,
  skip: (relativePath: string) => boolean = () => false,
): Promise<void> {
  assertValidArtifactPath(artifactPath);
  for (const relative of await filesUnder(localDir)) {
    if (skip(relative)) continue;
    const destination = join(artifactRoot, artifactPath, relative);
    await copyIntoStore(join(localDir, relative), destination, stagingDirOf(artifactRoot));
  }
}

/** MLmodel is written from `mlmodel`, so the stored file and the history tag always agree. */
export async function copyModelDirectory(
  artifactRoot: string,
  localModelDir: string,
  artifactPath: string,
  mlmodel: Record<string, unknown>,
): Promise<void> {
  await copyArtifactDirectory(artifactRoot, localModelDir, artifactPath, (relative) => {
    return relative === MLMODEL_FILE;
  });
  const mlmodelPath = join(artifactRoot, artifactPath, MLMODEL_FILE);
  await writeStoreFile(mlmodelPath, toStoreYaml(mlmodel), stagingDirOf(artifactRoot));
}
