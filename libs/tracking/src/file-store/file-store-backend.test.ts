import { cp, mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { FileStoreBackend } from './file-store-backend.ts';

const REFERENCE = resolve(import.meta.dirname, '../../test-fixtures/reference-mlruns');

let workDir: string;
let root: string;
let backend: FileStoreBackend;

beforeEach(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'tracking-store-'));
  root = join(workDir, 'mlruns');
  backend = new FileStoreBackend({ rootDir: root, artifactRoot: `file://${root}` });
});

afterEach(async () => {
  await rm(workDir, { recursive: true, force: true });
});

async function startRun(store = backend, experimentName = 'iris') {
  const experimentId = await store.getOrCreateExperiment(experimentName);
  const input = { experimentId, runName: 'r', userId: 'u', startTime: 1, tags: {} };
  const run = await store.createRun(input);
  return { ...run, runDir: join(root, experimentId, run.runId) };
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile());
  return files.map((entry) => join(entry.parentPath, entry.name));
}

async function editYaml(path: string, changes: Record<string, unknown>) {
  const record = parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  await writeFile(path, stringify({ ...record, ...changes }));
}

describe('experiments in the file store', () => {
  it('returns the same experiment for the same name and a new one for another name', async () => {
    const first = await backend.getOrCreateExperiment('iris');
    expect(await backend.getOrCreateExperiment('iris')).toBe(first);
    expect(await backend.getOrCreateExperiment('wine')).not.toBe(first);
  });

  it('finds an experiment that MLflow itself created, by name', async () => {
    await cp(REFERENCE, root, { recursive: true });
    expect(await backend.getOrCreateExperiment('Iris Classification')).toBe('652282047493730441');
    expect((await readdir(root)).filter((name) => /^\d+$/.test(name)).sort()).toEqual([
      '0',
      '652282047493730441',
    ]);
  });

  it('skips an experiment moved to .trash and explains how to get its name back', async () => {
    const id = await backend.getOrCreateExperiment('iris');
    await rename(join(root, id), join(root, '.trash', id));
    const error = await backend.getOrCreateExperiment('iris').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'TRACKING_FAILED' });
    expect(String((error as Error).message)).toContain(`deleted (id ${id})`);
    expect((error as { hint: string }).hint).toContain('mlflow experiments restore');
  });

  it('skips an experiment whose lifecycle_stage is deleted', async () => {
    const id = await backend.getOrCreateExperiment('iris');
    await editYaml(join(root, id, 'meta.yaml'), { lifecycle_stage: 'deleted' });
    await expect(backend.getOrCreateExperiment('iris')).rejects.toMatchObject({
      code: 'TRACKING_FAILED',
    });
  });

  it('refuses to start a run in a missing experiment', async () => {
    const input = { experimentId: '123', runName: 'r', userId: 'u', startTime: 1, tags: {} };
    await expect(backend.createRun(input)).rejects.toThrow(/experiment 123 is missing/);
  });
});

describe('params, metrics and tags', () => {
  it('rejects changing a logged param but accepts the same value again', async () => {
    const run = await startRun();
    await backend.logBatch(run.runId, { params: { lr: '0.01' } });
    await backend.logBatch(run.runId, { params: { lr: '0.01' } });
    const change = backend.logBatch(run.runId, { params: { epochs: '5', lr: '0.02' } });
    await expect(change).rejects.toMatchObject({
      code: 'TRACKING_FAILED',
      location: { field: 'lr' },
      message: expect.stringContaining("'0.01'") as unknown,
    });
    // The batch is checked before anything is written, so `epochs` did not land either.
    expect(await readdir(join(run.runDir, 'params'))).toEqual(['lr']);
  });

  it('rejects keys that could name a file outside the run folder', async () => {
    const run = await startRun();
    for (const key of ['../escape', '/abs', 'a//b', 'a/../b', '', 'semi;colon']) {
      await expect(backend.logBatch(run.runId, { tags: { [key]: 'x' } })).rejects.toMatchObject({
        code: 'TRACKING_FAILED',
      });
    }
    const metric = { key: 'eval/f1 score', value: 1, timestamp: 1, step: 0 };
    await backend.logBatch(run.runId, { metrics: [metric] });
    expect(await readFile(join(run.runDir, 'metrics/eval/f1 score'), 'utf8')).toBe('1 1.0 0\n');
  });

  it('keeps meta.yaml run_name in step when the mlflow.runName tag changes', async () => {
    const run = await startRun();
    await backend.logBatch(run.runId, { tags: { 'mlflow.runName': 'renamed' } });
    const meta = parse(await readFile(join(run.runDir, 'meta.yaml'), 'utf8')) as {
      run_name: string;
    };
    expect(meta.run_name).toBe('renamed');
  });

  it('keeps every metric line when batches for one run are sent without waiting', async () => {
    const run = await startRun();
    await Promise.all(
      Array.from({ length: 20 }, (_, step) =>
        backend.logBatch(run.runId, {
          metrics: [{ key: 'loss', value: step, timestamp: 5, step }],
        }),
      ),
    );
    const lines = (await readFile(join(run.runDir, 'metrics/loss'), 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(20);
  });

  it('finds a run created by another backend instance on the same store', async () => {
    const run = await startRun();
    const other = new FileStoreBackend({ rootDir: root, artifactRoot: `file://${root}` });
    await other.endRun(run.runId, 'KILLED', 99);
    const meta = parse(await readFile(join(run.runDir, 'meta.yaml'), 'utf8')) as { status: number };
    expect(meta.status).toBe(5);
    await expect(other.endRun('0123456789abcdef', 'FAILED', 1)).rejects.toThrow(/not found/);
  });
});

describe('artifacts and models', () => {
  it('logs a model with MLmodel written from the dict and a history entry per model', async () => {
    const run = await startRun();
    const modelDir = join(workDir, 'model');
    await mkdir(modelDir);
    await writeFile(join(modelDir, 'weights.json'), '{"w": [1, 2]}');
    await writeFile(join(modelDir, 'MLmodel'), 'stale: true\n');
    const mlmodel = { artifact_path: 'model', flavors: { naive_bayes: { data: 'weights.json' } } };
    await backend.logModel(run.runId, modelDir, 'model', mlmodel);
    const second = { ...mlmodel, artifact_path: 'model-2' };
    await backend.logModel(run.runId, modelDir, 'model-2', second);

    const artifacts = join(run.runDir, 'artifacts');
    expect(parse(await readFile(join(artifacts, 'model/MLmodel'), 'utf8'))).toEqual(mlmodel);
    expect(await readFile(join(artifacts, 'model/weights.json'), 'utf8')).toBe('{"w": [1, 2]}');
    const history = await readFile(join(run.runDir, 'tags/mlflow.log-model.history'), 'utf8');
    const entries = JSON.parse(history) as { artifact_path: string }[];
    expect(entries.map((entry) => entry.artifact_path)).toEqual(['model', 'model-2']);
  });

  it('leaves no temporary files anywhere in the store after a run', async () => {
    const run = await startRun();
    const source = join(workDir, 'report.txt');
    await writeFile(source, 'accuracy 0.9');
    await backend.logBatch(run.runId, { params: { a: '1' }, tags: { b: '2' } });
    await backend.logArtifactFile(run.runId, source, 'reports');
    await backend.logArtifactDirectory(run.runId, join(REFERENCE, '0'), 'copied');
    await backend.endRun(run.runId, 'FINISHED', 2);
    const files = await filesUnder(root);
    expect(files).toContain(join(run.runDir, 'artifacts/reports/report.txt'));
    expect(files).toContain(join(run.runDir, 'artifacts/copied/meta.yaml'));
    expect(files.filter((file) => file.includes('.tmp-'))).toEqual([]);
  });

  it('rejects artifact paths that leave the artifact folder', async () => {
    const run = await startRun();
    await expect(
      backend.logArtifactDirectory(run.runId, join(REFERENCE, '0'), '../outside'),
    ).rejects.toMatchObject({ code: 'TRACKING_FAILED' });
  });

  it('refuses to write artifacts to a remote artifact location it cannot reach', async () => {
    const id = await backend.getOrCreateExperiment('remote');
    await editYaml(join(root, id, 'meta.yaml'), { artifact_location: 's3://bucket/mlflow' });
    const input = { experimentId: id, runName: 'r', userId: 'u', startTime: 1, tags: {} };
    const run = await backend.createRun(input);
    expect(run.artifactUri).toBe(`s3://bucket/mlflow/${run.runId}/artifacts`);
    await expect(
      backend.logArtifactFile(run.runId, join(REFERENCE, '0', 'meta.yaml')),
    ).rejects.toMatchObject({ code: 'UNSUPPORTED_ARTIFACT_STORE' });
  });

  it('reports an unreadable source file as a tracking failure naming the store', async () => {
    const run = await startRun();
    const missing = backend.logArtifactFile(run.runId, join(workDir, 'missing.png'));
    await expect(missing).rejects.toMatchObject({
      code: 'TRACKING_FAILED',
      message: expect.stringContaining(`file://${root}`) as unknown,
    });
  });
});
