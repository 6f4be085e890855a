// `nx affected` follows datasets.yaml and code edits; a broken entry fails alone and clearly.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempWorkspace, type TempWorkspace } from '@pipeline/test-support';

let workspace: TempWorkspace;

async function affectedProjects(): Promise<string[]> {
  const result = await workspace.nx(['show', 'projects', '--affected', '--base=HEAD', '--json']);
  expect(result.code, result.output).toBe(0);
  return (JSON.parse(result.output.slice(result.output.indexOf('['))) as string[]).sort();
}

beforeAll(async () => {
  workspace = await createTempWorkspace();
}, 120_000);

afterAll(() => workspace?.dispose());

describe('nx affected', () => {
  it('marks the dataset projects when datasets.yaml changes', async () => {
    const file = join(workspace.root, 'datasets.yaml');
    await writeFile(file, `${await readFile(file, 'utf8')}# edited\n`);
    const affected = await affectedProjects();
    expect(affected).toEqual(expect.arrayContaining(['iris', 'wine']));
    await workspace.git(['checkout', '--', 'datasets.yaml']);
  });

  it('marks the dataset projects when a library their steps use changes', async () => {
    const file = join(workspace.root, 'libs/models/src/gaussian-nb/gaussian-nb-predict.ts');
    await writeFile(file, `${await readFile(file, 'utf8')}\n// edited\n`);
    expect(await affectedProjects()).toEqual(expect.arrayContaining(['iris', 'wine']));
    await workspace.git(['checkout', '--', '.']);
  });

  it('marks nothing when nothing changed', async () => {
    expect(await affectedProjects()).toEqual([]);
  });
});

describe('a broken entry', () => {
  it('fails its own dataset with the field and line, and leaves the others working', async () => {
    const file = join(workspace.root, 'datasets.yaml');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('    target_column: class\n', '    target_colum: class\n'));
    const wine = await workspace.nx(['run', 'wine:train']);
    expect(wine.code).not.toBe(0);
    expect(wine.output).toContain("dataset 'wine'");
    expect(wine.output).toMatch(
      /'target_colum' is not a known key; did you mean 'target_column'\?/,
    );
    expect(wine.output).not.toMatch(/\n\s+at .*\.ts:\d+/);
    const iris = await workspace.nx(['run', 'iris:prepare']);
    expect(iris.code, iris.output).toBe(0);
  });
});
