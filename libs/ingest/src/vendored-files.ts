// Finds a file in the vendored folder by its content digest, so pinned datasets need no network.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { TEMP_MARKER } from '@pipeline/atomic-fs';
import { digestOfFile } from './digest-copy.ts';

// Keyed by path, size and modification time: an edited file is hashed again.
const knownDigests = new Map<string, string>();

async function listCandidates(vendorDir: string): Promise<string[]> {
  try {
    const entries = await readdir(vendorDir, { withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
      .filter((entry) => !entry.name.includes(TEMP_MARKER))
      .map((entry) => join(vendorDir, entry.name))
      .sort();
  } catch {
    return [];
  }
}

async function digestOfCandidate(path: string): Promise<string> {
  const info = await stat(path);
  const key = `${path}\0${info.size}\0${info.mtimeMs}`;
  let digest = knownDigests.get(key);
  if (digest === undefined) {
    digest = await digestOfFile(path);
    knownDigests.set(key, digest);
  }
  return digest;
}

/** Hashes candidates one by one and stops at the first match; a missing folder finds nothing. */
export async function findVendoredFile(vendorDir: string, sha256: string): Promise<string | null> {
  for (const path of await listCandidates(vendorDir)) {
    if ((await digestOfCandidate(path)) === sha256) return path;
  }
  return null;
}
