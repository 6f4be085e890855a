// Names and ids of MLflow's file store: where each experiment, run, dataset and input lives.
import { createHash, randomInt, randomUUID } from 'node:crypto';
import { join } from 'node:path';

export const DEFAULT_EXPERIMENT_ID = '0';
export const DEFAULT_EXPERIMENT_NAME = 'Default';
export const TRASH_FOLDER = '.trash';
export const META_FILE = 'meta.yaml';
export const EXPERIMENT_ID_PATTERN = /^[0-9]+$/;
/** Folders 3.x requires in a run folder before it treats the folder as a run at all. */
export const RUN_SUBFOLDERS = ['metrics', 'params', 'artifacts'] as const;

/** MLflow stores run status as an integer in meta.yaml. */
export const RUN_STATUS_CODES = {
  RUNNING: 1,
  SCHEDULED: 2,
  FINISHED: 3,
  FAILED: 4,
  KILLED: 5,
} as const;

export interface StoreLocation {
  /** Absolute path of the `mlruns` folder. */
  rootDir: string;
  /**
   * What experiment artifact locations start with: `file:///abs/mlruns` when the tracking URI
   * was a file: URI, the plain absolute path when it was a plain path (as MLflow does).
   */
  artifactRoot: string;
}

/** An 18-digit decimal id without a leading zero, the shape MLflow gives new experiments. */
export function newExperimentId(): string {
  let id = String(randomInt(1, 10));
  while (id.length < 18) id += String(randomInt(0, 10));
  return id;
}

/** A uuid4 as 32 hex digits. */
export function newRunId(): string {
  return randomUUID().replaceAll('-', '');
}

function md5Hex(...parts: string[]): string {
  const hash = createHash('md5');
  for (const part of parts) hash.update(part, 'utf8');
  return hash.digest('hex');
}

export function datasetIdOf(name: string, digest: string): string {
  return md5Hex(name, digest);
}

export function datasetInputIdOf(datasetId: string, runId: string): string {
  return md5Hex(datasetId, runId);
}

export function experimentDir(store: StoreLocation, experimentId: string): string {
  return join(store.rootDir, experimentId);
}

export function trashDir(store: StoreLocation): string {
  return join(store.rootDir, TRASH_FOLDER);
}

export function experimentArtifactLocation(store: StoreLocation, experimentId: string): string {
  return `${store.artifactRoot}/${experimentId}`;
}
