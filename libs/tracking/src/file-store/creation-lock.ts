// An exclusive lock file, so parallel train steps (`nx run-many`) that create the same
// experiment at once end up with one experiment, not one each.
import { randomBytes } from 'node:crypto';
import { open, readFile, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { PipelineError } from '@pipeline/errors';

export interface LockTiming {
  /** A lock older than this is left over from a crashed process. */
  staleAfterMs: number;
  /** How long to wait for another process before giving up. */
  timeoutMs: number;
  pollMs: number;
}

/** Creating an experiment takes milliseconds, so ten seconds means its holder is gone. */
const DEFAULT_TIMING: LockTiming = { staleAfterMs: 10_000, timeoutMs: 30_000, pollMs: 20 };

interface LockOwner {
  pid: number;
  host: string;
  token: string;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function isStale(lockPath: string, timing: LockTiming): Promise<boolean> {
  try {
    const { mtimeMs } = await stat(lockPath);
    if (Date.now() - mtimeMs > timing.staleAfterMs) return true;
    const owner = JSON.parse(await readFile(lockPath, 'utf8')) as LockOwner;
    return owner.host === hostname() && !isProcessAlive(owner.pid);
  } catch {
    // Gone or still being written: neither is a reason to break it.
    return false;
  }
}

async function tryAcquire(lockPath: string, owner: LockOwner): Promise<boolean> {
  try {
    const handle = await open(lockPath, 'wx');
    await handle.writeFile(JSON.stringify(owner));
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

async function acquire(lockPath: string, owner: LockOwner, timing: LockTiming): Promise<void> {
  const deadline = Date.now() + timing.timeoutMs;
  while (!(await tryAcquire(lockPath, owner))) {
    if (await isStale(lockPath, timing)) {
      await rm(lockPath, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new PipelineError('TRACKING_FAILED', 'timed out waiting to create the experiment', {
        file: lockPath,
        hint: 'Another process holds this lock file; if no train step is running, delete it.',
      });
    }
    await sleep(timing.pollMs + Math.random() * timing.pollMs);
  }
}

/** Leaves the file alone if another process already broke our lock as stale and took it. */
async function release(lockPath: string, owner: LockOwner): Promise<void> {
  const text = await readFile(lockPath, 'utf8').catch(() => '');
  if (text.includes(owner.token)) await rm(lockPath, { force: true });
}

export async function withCreationLock<T>(
  lockPath: string,
  work: () => Promise<T>,
  timing: Partial<LockTiming> = {},
): Promise<T> {
  const owner = { pid: process.pid, host: hostname(), token: randomBytes(8).toString('hex') };
  await acquire(lockPath, owner, { ...DEFAULT_TIMING, ...timing });
  try {
    return await work();
  } finally {
    await release(lockPath, owner);
  }
}
