// The content-addressed download store, <store>/sha256/<hex>, in the manner of Bazel's
// repository cache: an entry is only ever added complete and verified, so its name is its proof.
import { access, copyFile, mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { tempSiblingOf } from '@pipeline/atomic-fs';

export function storeEntryPath(storeDir: string, sha256: string): string {
  return join(storeDir, 'sha256', sha256);
}

export async function findStoreEntry(storeDir: string, sha256: string): Promise<string | null> {
  const path = storeEntryPath(storeDir, sha256);
  try {
    await access(path);
    return path;
  } catch {
    return null;
  }
}

/** Copies a verified file into the store under a temporary name, then renames it into place. */
export async function addToStore(storeDir: string, sha256: string, filePath: string) {
  const path = storeEntryPath(storeDir, sha256);
  await mkdir(dirname(path), { recursive: true });
  const temp = tempSiblingOf(path);
  try {
    await copyFile(filePath, temp);
    await rename(temp, path);
  } finally {
    await rm(temp, { force: true });
  }
}

/** Drops an entry whose content no longer matches its name (a disk error or a manual edit). */
export async function removeStoreEntry(storeDir: string, sha256: string): Promise<void> {
  await rm(storeEntryPath(storeDir, sha256), { force: true });
}
