// Run folders of the file store: creation, lookup by id and the status kept in meta.yaml.
import { access, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PipelineError } from '@pipeline/errors';
import type { CreateRunInput, RunStatus } from '../tracking-backend.ts';
import { MLFLOW_TAGS } from '../tracking-backend.ts';
import { readExperiment } from './experiments.ts';
import { writeTags } from './run-values.ts';
import { readMetaYaml, writeMetaYaml } from './store-files.ts';
import {
  EXPERIMENT_ID_PATTERN,
  META_FILE,
  RUN_STATUS_CODES,
  RUN_SUBFOLDERS,
  TRASH_FOLDER,
  experimentDir,
  newRunId,
  type StoreLocation,
} from './store-layout.ts';

export interface StoredRun {
  runId: string;
  experimentId: string;
  runDir: string;
  artifactUri: string;
}

async function requireActiveExperiment(store: StoreLocation, experimentId: string) {
  const experiment = await readExperiment(store, experimentId);
  if (experiment && !experiment.deleted) return experiment;
  const state = experiment ? 'deleted' : 'missing';
  throw new PipelineError(
    'TRACKING_FAILED',
    `cannot start a run: MLflow experiment ${experimentId} is ${state}`,
    { hint: 'Restore the experiment or let the train step create a new one by name.' },
  );
}

/** Uses a fresh id each time the folder name is taken, so two runs never share a folder. */
async function makeRunDir(parent: string): Promise<{ runId: string; runDir: string }> {
  for (;;) {
    const runId = newRunId();
    const runDir = join(parent, runId);
    try {
      await mkdir(runDir);
      return { runId, runDir };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** meta.yaml is written last: until then MLflow's readers skip the folder as not yet a run. */
export async function createRunRecord(store: StoreLocation, input: CreateRunInput) {
  const experiment = await requireActiveExperiment(store, input.experimentId);
  const { runId, runDir } = await makeRunDir(experimentDir(store, experiment.id));
  for (const folder of RUN_SUBFOLDERS) await mkdir(join(runDir, folder));
  await writeTags(runDir, { ...input.tags, [MLFLOW_TAGS.runName]: input.runName });
  const artifactUri = `${experiment.artifactLocation}/${runId}/artifacts`;
  await writeMetaYaml(join(runDir, META_FILE), {
    artifact_uri: artifactUri,
    end_time: null,
    entry_point_name: '',
    experiment_id: experiment.id,
    lifecycle_stage: 'active',
    run_id: runId,
    run_name: input.runName,
    run_uuid: runId,
    source_name: '',
    source_type: 4,
    source_version: '',
    start_time: input.startTime,
    status: RUN_STATUS_CODES.RUNNING,
    tags: [],
    user_id: input.userId,
  });
  return { runId, experimentId: experiment.id, runDir, artifactUri } satisfies StoredRun;
}

async function experimentParents(store: StoreLocation): Promise<string[]> {
  const parents: string[] = [];
  for (const parent of [store.rootDir, join(store.rootDir, TRASH_FOLDER)]) {
    const entries = await readdir(parent, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.isDirectory() && EXPERIMENT_ID_PATTERN.test(entry.name)) {
        parents.push(join(parent, entry.name));
      }
    }
  }
  return parents;
}

/** MLflow's run id rule; it also keeps the id from naming a path outside the store. */
const RUN_ID_PATTERN = /^[a-zA-Z0-9][\w-]{0,255}$/;

export async function findRunRecord(store: StoreLocation, runId: string): Promise<StoredRun> {
  if (!RUN_ID_PATTERN.test(runId)) {
    throw new PipelineError('TRACKING_FAILED', `'${runId}' is not an MLflow run id`);
  }
  for (const parent of await experimentParents(store)) {
    const runDir = join(parent, runId);
    const exists = await access(join(runDir, META_FILE)).then(
      () => true,
      () => false,
    );
    if (!exists) continue;
    const meta = await readMetaYaml(join(runDir, META_FILE));
    const experimentId = String(meta.experiment_id);
    return { runId, experimentId, runDir, artifactUri: String(meta.artifact_uri) };
  }
  throw new PipelineError('TRACKING_FAILED', `MLflow run ${runId} was not found`, {
    hint: 'The run was deleted or logged to another tracking URI; start a new run.',
  });
}

export async function updateRunMeta(runDir: string, changes: Record<string, unknown>) {
  const path = join(runDir, META_FILE);
  await writeMetaYaml(path, { ...(await readMetaYaml(path)), ...changes });
}

export async function endRunRecord(runDir: string, status: RunStatus, endTime: number) {
  await updateRunMeta(runDir, { status: RUN_STATUS_CODES[status], end_time: endTime });
}
