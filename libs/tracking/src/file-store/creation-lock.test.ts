import { spawnSync } from 'node:child_process';
import { access, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withCreationLock } from './creation-lock.ts';

let workDir: string;
let lockPath: string;

beforeEach(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'tracking-lock-'));
  lockPath = join(workDir, '.experiment-creation.lock');
});

afterEach(async () => {
  await rm(workDir, { recursive: true, force: true });
});

async function writeLock(pid: number): Promise<void> {
  await writeFile(lockPath, JSON.stringify({ pid, host: hostname(), token: 'other' }));
}

const exists = (path: string) => access(path).then(() => true, () => false);

describe('withCreationLock', () => {
  it('removes the lock file after the work, also when the work throws', async () => {
    expect(await withCreationLock(lockPath, async () => exists(lockPath))).toBe(true);
    await expect(
      withCreationLock(lockPath, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await exists(lockPath)).toBe(false);
  });

  it('takes over a lock left by a process that has exited', async () => {
    const finished = spawnSync(process.execPath, ['-e', '']);
    await writeLock(finished.pid ?? 0);
    await expect(withCreationLock(lockPath, async () => 'created')).resolves.toBe('created');
  });

  it('takes over a lock older than the stale limit', async () => {
    await writeLock(process.pid);
    const longAgo = new Date(Date.now() - 60_000);
    await utimes(lockPath, longAgo, longAgo);
    await expect(withCreationLock(lockPath, async () => 'created')).resolves.toBe('created');
  });

  it('waits for a live holder and gives up with the lock file named', async () => {
    await writeLock(process.pid);
    const waiting = withCreationLock(lockPath, async () => 'never', { timeoutMs: 150 });
    await expect(waiting).rejects.toMatchObject({
      code: 'TRACKING_FAILED',
      location: { file: lockPath },
    });
    expect(await exists(lockPath)).toBe(true);
  });

  it('runs waiting work one at a time within a process as well', async () => {
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 5 }, () =>
        withCreationLock(lockPath, async () => {
          most = Math.max(most, ++inside);
          await new Promise((resolveLater) => setTimeout(resolveLater, 10));
          inside -= 1;
        }),
      ),
    );
    expect(most).toBe(1);
  });
});
