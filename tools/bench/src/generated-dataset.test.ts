// The benchmark's generated files: the same settings give the same bytes, in the promised shape.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeGeneratedDataset } from './generated-dataset.ts';

const scratch = await mkdtemp(join(tmpdir(), 'generated-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

const settings = { rows: 3000, features: 7, classes: 4, seed: 11 };

describe('generated datasets', () => {
  it('writes the same bytes for the same settings, and others for another seed', async () => {
    const first = await writeGeneratedDataset(join(scratch, 'a.csv'), settings);
    const again = await writeGeneratedDataset(join(scratch, 'b.csv'), settings);
    const reseeded = await writeGeneratedDataset(join(scratch, 'c.csv'), { ...settings, seed: 12 });
    expect(again.sha256).toBe(first.sha256);
    expect(reseeded.sha256).not.toBe(first.sha256);
    expect((await readFile(join(scratch, 'a.csv'))).length).toBe(first.bytes);
  });

  it('has a header, one row per requested row, and every class', async () => {
    const file = await writeGeneratedDataset(join(scratch, 'shape.csv'), settings);
    const lines = (await readFile(file.path, 'utf8')).trimEnd().split('\n');
    expect(lines[0]).toBe('f1,f2,f3,f4,f5,f6,f7,class');
    expect(lines).toHaveLength(settings.rows + 1);
    const labels = new Set(lines.slice(1).map((line) => line.split(',').at(-1)));
    expect([...labels].sort()).toEqual(['k0', 'k1', 'k2', 'k3']);
    expect(lines.slice(1).every((line) => line.split(',').length === 8)).toBe(true);
  });
});
