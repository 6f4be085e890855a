// Experiments of the file store: lookup by name (deleted ones skipped) and race-free creation.
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PipelineError } from '@pipeline/errors';
import { withCreationLock } from './creation-lock.ts';
import {
  DEFAULT_EXPERIMENT_ID,
  DEFAULT_EXPERIMENT_NAME,
  EXPERIMENT_ID_PATTERN,
  META_FILE,
  experimentArtifactLocation,
  experimentDir,
  newExperimentId,
  trashDir,
  type StoreLocation,
} from './store-layout.ts';
import { readMetaYaml, writeMetaYaml } from './store-files.ts';

const MAX_NAME_LENGTH = 500;
const LOCK_FILE = '.experiment-creation.lock';

export interface StoredExperiment {
  id: string;
  name: string;
  artifactLocation: string;
  creationTime: number;
  deleted: boolean;
}

async function readExperimentAt(dir: string, id: string, inTrash: boolean) {
  let meta: Record<string, unknown>;
  try {
    meta = await readMetaYaml(join(dir, META_FILE));
  } catch {
    // Half-created or foreign folders are skipped, as MLflow's own listing does.
    return undefined;
  }
  if (String(meta.experiment_id) !== id || typeof meta.name !== 'string') return undefined;
  return {
    id,
    name: meta.name,
    artifactLocation: String(meta.artifact_location),
    creationTime: Number(meta.creation_time ?? 0),
    deleted: inTrash || meta.lifecycle_stage === 'deleted',
  } satisfies StoredExperiment;
}

async function experimentsIn(parent: string, inTrash: boolean): Promise<StoredExperiment[]> {
  const entries = await readdir(parent, { withFileTypes: true }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  });
  const ids = entries
    .filter((entry) => entry.isDirectory() && EXPERIMENT_ID_PATTERN.test(entry.name))
    .map((entry) => entry.name);
  const found = await Promise.all(ids.map((id) => readExperimentAt(join(parent, id), id, inTrash)));
  return found.filter((experiment) => experiment !== undefined);
}

export async function listExperiments(store: StoreLocation): Promise<StoredExperiment[]> {
  const active = await experimentsIn(store.rootDir, false);
  return [...active, ...(await experimentsIn(trashDir(store), true))];
}

/** The newest active experiment of that name, like MLflow's own lookup. */
async function findActiveByName(store: StoreLocation, name: string) {
  const named = (await listExperiments(store)).filter((experiment) => experiment.name === name);
  const active = named.filter((experiment) => !experiment.deleted);
  active.sort((a, b) => b.creationTime - a.creationTime || a.id.localeCompare(b.id));
  if (active[0]) return active[0].id;
  const deleted = named[0];
  if (deleted === undefined) return undefined;
  throw new PipelineError(
    'TRACKING_FAILED',
    `the MLflow experiment '${name}' exists but is deleted (id ${deleted.id})`,
    {
      field: name,
      hint:
        `Restore it (\`mlflow experiments restore --experiment-id ${deleted.id}\`), ` +
        'remove it for good (`mlflow gc`), or choose another experiment name.',
    },
  );
}

/** Returns false when the id is already taken. */
async function createExperimentRecord(store: StoreLocation, id: string, name: string) {
  const dir = experimentDir(store, id);
  try {
    await mkdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  const now = Date.now();
  await writeMetaYaml(join(dir, META_FILE), {
    artifact_location: experimentArtifactLocation(store, id),
    creation_time: now,
    experiment_id: id,
    last_update_time: now,
    lifecycle_stage: 'active',
    name,
  });
  return true;
}

/** MLflow creates "Default" (id 0) the first time a store is used; so do we. */
async function ensureDefaultExperiment(store: StoreLocation): Promise<void> {
  await mkdir(trashDir(store), { recursive: true });
  const existing = await listExperiments(store);
  if (existing.some((experiment) => experiment.id === DEFAULT_EXPERIMENT_ID)) return;
  await createExperimentRecord(store, DEFAULT_EXPERIMENT_ID, DEFAULT_EXPERIMENT_NAME);
}

function assertValidName(name: string): void {
  if (name.trim() !== '' && name.length <= MAX_NAME_LENGTH) return;
  throw new PipelineError('TRACKING_FAILED', `'${name}' is not a valid MLflow experiment name`, {
    hint: `Use a name of 1 to ${MAX_NAME_LENGTH} characters.`,
  });
}

export async function getOrCreateExperimentId(store: StoreLocation, name: string) {
  assertValidName(name);
  // Any trouble here (a deleted match, a half-written folder) is checked again under the lock.
  const existing = await findActiveByName(store, name).catch(() => undefined);
  if (existing !== undefined) return existing;
  await mkdir(store.rootDir, { recursive: true });
  return withCreationLock(join(store.rootDir, LOCK_FILE), async () => {
    await ensureDefaultExperiment(store);
    const found = await findActiveByName(store, name);
    if (found !== undefined) return found;
    let id = newExperimentId();
    while (!(await createExperimentRecord(store, id, name))) id = newExperimentId();
    return id;
  });
}

export async function readExperiment(store: StoreLocation, id: string) {
  const experiments = await listExperiments(store);
  return experiments.find((experiment) => experiment.id === id);
}
