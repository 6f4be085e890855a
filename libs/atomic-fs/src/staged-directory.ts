// A step's output folder, built under a temporary name and renamed into place only when complete.
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { removeStaleTempSiblings } from './stale-temp-siblings.ts';
import { tempSiblingOf } from './temp-path.ts';

export interface StagedDirectory {
  /** Where the step writes while it works. */
  readonly path: string;
  /** Replaces the final folder with the staged one. */
  commit(): Promise<void>;
  /** Removes the staged folder; safe to call after commit. */
  discard(): Promise<void>;
}

/**
 * Removes any earlier output first, so a failed step never leaves a stale folder that a later
 * step or the cache could mistake for this run's result. Leftovers of killed runs go too.
 */
export async function stageDirectory(finalPath: string): Promise<StagedDirectory> {
  await rm(finalPath, { recursive: true, force: true });
  await removeStaleTempSiblings(finalPath);
  await mkdir(dirname(finalPath), { recursive: true });
  const path = tempSiblingOf(finalPath);
  await mkdir(path, { recursive: true });
  let committed = false;
  return {
    path,
    async commit() {
      await rm(finalPath, { recursive: true, force: true });
      await rename(path, finalPath);
      committed = true;
    },
    async discard() {
      if (!committed) await rm(path, { recursive: true, force: true });
    },
  };
}

/** Runs `build` inside a staged folder and commits it only if `build` succeeds. */
export async function withStagedDirectory<T>(
  finalPath: string,
  build: (stagedPath: string) => Promise<T>,
): Promise<T> {
  const staged = await stageDirectory(finalPath);
  try {
    const result = await build(staged.path);
    await staged.commit();
    return result;
  } finally {
    await staged.discard();
  }
}
