// Removes temporary siblings left by a step that was killed before it could clean up, so they
// never pile up next to an output.
import { readdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { TEMP_MARKER } from './temp-path.ts';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function removeStaleTempSiblings(finalPath: string): Promise<void> {
  const prefix = `${basename(finalPath)}${TEMP_MARKER}`;
  let names: string[];
  try {
    names = await readdir(dirname(finalPath));
  } catch {
    return; // no parent folder yet, so nothing to clean
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (Number.isInteger(pid) && pid !== process.pid && !isRunning(pid)) {
      await rm(join(dirname(finalPath), name), { recursive: true, force: true });
    }
  }
}
