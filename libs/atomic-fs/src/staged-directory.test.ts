import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withStagedDirectory } from './staged-directory.ts';

async function workDir() {
  return mkdtemp(join(tmpdir(), 'staged-'));
}

describe('withStagedDirectory', () => {
  it('renames the folder into place only after the build succeeds', async () => {
    const root = await workDir();
    const final = join(root, 'out');
    await withStagedDirectory(final, async (staged) => {
      await writeFile(join(staged, 'a.txt'), 'done');
      expect(existsSync(final)).toBe(false);
    });
    expect(await readFile(join(final, 'a.txt'), 'utf8')).toBe('done');
    expect(await readdir(root)).toEqual(['out']);
  });

  it('leaves neither the old output nor the staged folder when the build fails', async () => {
    const root = await workDir();
    const final = join(root, 'out');
    await mkdir(final);
    await writeFile(join(final, 'old.txt'), 'stale');
    const failing = withStagedDirectory(final, async (staged) => {
      await writeFile(join(staged, 'half.txt'), 'half');
      throw new Error('boom');
    });
    await expect(failing).rejects.toThrow('boom');
    expect(await readdir(root)).toEqual([]);
  });

  it('removes the staged folders of killed runs but not those of running ones', async () => {
    const root = await workDir();
    const final = join(root, 'out');
    const dead = join(root, 'out.tmp-999999999-aaaa');
    const alive = join(root, `out.tmp-${process.ppid}-bbbb`);
    await mkdir(dead);
    await mkdir(alive);
    await withStagedDirectory(final, async () => {});
    expect((await readdir(root)).sort()).toEqual(['out', `out.tmp-${process.ppid}-bbbb`]);
  });
});
