import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDatasetProjects } from './create-dataset-projects.ts';

const ENTRY = (name: string, extra = '') => `  ${name}:
    url: vendor/datasets/${name}.data
    dataset_type: ${name}
    target_column: label
    split:
      seed: 42
${extra}`;

async function projectsFor(text: string) {
  const root = await mkdtemp(join(tmpdir(), 'plugin-'));
  await writeFile(join(root, 'datasets.yaml'), text);
  return createDatasetProjects('datasets.yaml', root).projects!;
}

describe('createDatasetProjects', () => {
  it('makes one project per entry with config, ingest, prepare and train', async () => {
    const projects = await projectsFor(`datasets:\n${ENTRY('iris')}${ENTRY('wine')}`);
    expect(Object.keys(projects)).toEqual(['datasets/iris', 'datasets/wine']);
    const iris = projects['datasets/iris']!;
    expect(iris.name).toBe('iris');
    expect(Object.keys(iris.targets!)).toEqual(['config', 'ingest', 'prepare', 'train']);
    expect(iris.targets!.train!.dependsOn).toEqual([
      { projects: ['@pipeline/step-bundles'], target: 'bundle' },
      'config',
      'prepare',
    ]);
    expect(iris.targets!.train!.outputs).toEqual(['{workspaceRoot}/output/iris/train']);
  });

  it('keeps every entry setting out of the project configuration Nx hashes', async () => {
    const before = await projectsFor(`datasets:\n${ENTRY('iris')}${ENTRY('wine')}`);
    const edited = `datasets:\n${ENTRY('iris')}${ENTRY('wine').replace('seed: 42', 'seed: 7')}`;
    const after = await projectsFor(`${edited}    experiment_name: Other\n`);
    expect(after).toEqual(before);
  });

  it('caches ingest only when the entry pins a sha256', async () => {
    const pinned = `    sha256: ${'a'.repeat(64)}\n`;
    const projects = await projectsFor(`datasets:\n${ENTRY('iris', pinned)}${ENTRY('wine')}`);
    expect(projects['datasets/iris']!.targets!.ingest!.cache).toBe(true);
    expect(projects['datasets/wine']!.targets!.ingest!.cache).toBe(false);
  });

  it('still creates the project of a broken entry, whose config target reports it', async () => {
    const projects = await projectsFor(`datasets:\n${ENTRY('iris')}  wine:\n    url: x\n`);
    expect(Object.keys(projects)).toEqual(['datasets/iris', 'datasets/wine']);
  });
});
