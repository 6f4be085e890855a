// Finds every file below some folders whose bytes hold any of the given strings: the proof that
// no secret reached the step outputs, the Nx cache or a tracking server's store.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

async function filesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await filesBelow(path)));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

export async function filesContaining(dirs: string[], needles: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const dir of dirs) {
    for (const file of await filesBelow(dir)) {
      const bytes = await readFile(file);
      if (needles.some((needle) => bytes.includes(needle))) found.push(file);
    }
  }
  return found;
}
