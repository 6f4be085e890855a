// `nx run iris:train` against real MLflow 3.x and 2.x tracking servers, each behind a proxy that
// demands credentials; everything is read back with MLflow's own client of the same version.
import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTempWorkspace,
  freePort,
  requireAuthorization,
  startMlflowServer,
  startTrackingProxy,
  type MlflowServer,
  type NxResult,
  type TempWorkspace,
  type TrackingProxy,
} from '@pipeline/test-support';
import { filesContaining } from './files-containing.ts';
import { withChromium, TEST_RESULTS_DIR } from './mlflow-ui-browser.ts';
import { readServerRun, type ServerRunView } from './read-server-run.ts';
import { taskOutcomes } from './task-outcomes.ts';

const EXPERIMENT = 'Iris Classification';
const TOKEN = `token-${randomBytes(8).toString('hex')}`;
const USER = 'e2e-user';
const PASSWORD = `password-${randomBytes(8).toString('hex')}`;
const BASIC = Buffer.from(`${USER}:${PASSWORD}`).toString('base64');
const SECRETS = [TOKEN, PASSWORD, BASIC];

let workspace: TempWorkspace;
let servers: { v3: MlflowServer; v2: MlflowServer };
let proxies: { v3: TrackingProxy; v2: TrackingProxy };
const outputs: NxResult[] = [];
const views: ServerRunView[] = [];

async function trainIris(env: Record<string, string>) {
  const result = await workspace.nx(['run', 'iris:train'], env);
  outputs.push(result);
  return result;
}

const onV3 = () => ({ MLFLOW_TRACKING_URI: proxies.v3.url, MLFLOW_TRACKING_TOKEN: TOKEN });
const onV2 = () => ({
  MLFLOW_TRACKING_URI: proxies.v2.url,
  MLFLOW_TRACKING_USERNAME: USER,
  MLFLOW_TRACKING_PASSWORD: PASSWORD,
});

async function localSha256(file: string) {
  const path = join(workspace.root, 'output/iris/train', file);
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
}

async function expectSameRunAsFileStore(view: ServerRunView) {
  expect(view.status).toBe('FINISHED');
  expect(view.endTime).toBeGreaterThan(0);
  expect(view.params).toMatchObject({
    dataset: 'iris',
    model_type: 'gaussian_nb',
    split_seed: '42',
  });
  expect(Object.keys(view.params)).toHaveLength(12);
  const metrics = JSON.parse(
    await readFile(join(workspace.root, 'output/iris/train/metrics.json'), 'utf8'),
  );
  expect(view.metrics.accuracy).toBe(metrics.accuracy);
  expect(Object.keys(view.metrics)).toHaveLength(15);
  expect(view.tags).toMatchObject({
    'mlflow.source.name': 'apps/train/src/cli.ts',
    'nx.task': 'iris:train',
    'nx.task_hash': expect.stringMatching(/^\d+$/),
    'mlflow.source.git.branch': 'main',
    'mlflow.source.git.commit': expect.stringMatching(/^[0-9a-f]{40}$/),
    'pipeline.dataset_digest': view.params.dataset_sha256,
  });
  for (const file of ['metrics.json', 'plots/confusion_matrix.png', 'plots/confusion_matrix.svg']) {
    expect(view.artifacts[file], file).toBe(await localSha256(file.replace('plots/', '')));
  }
  expect(view.inputs.map((input) => [input.name, input.context])).toEqual([
    ['iris-train', 'training'],
    ['iris-test', 'evaluation'],
  ]);
  expect(view.inputs[0]?.digest).toBe(view.params.dataset_sha256!.slice(0, 36));
  expect(JSON.parse(view.inputs[0]!.source)).toEqual({ url: view.params.source_url });
  expect(JSON.parse(view.inputs[0]!.profile)).toMatchObject({ num_rows: 120, num_features: 4 });
  expect(JSON.parse(view.inputs[0]!.schema).mlflow_colspec).toHaveLength(5);
  expect(view.model).toMatchObject({ flavors: ['gaussian_nb_json'], runId: view.runId });
}

beforeAll(async () => {
  const [v3, v2, created] = await Promise.all([
    startMlflowServer('main'),
    startMlflowServer('mlflow2'),
    createTempWorkspace(),
  ]);
  servers = { v3, v2 };
  workspace = created;
  proxies = {
    v3: await startTrackingProxy(v3.url, requireAuthorization(`Bearer ${TOKEN}`)),
    v2: await startTrackingProxy(v2.url, requireAuthorization(`Basic ${BASIC}`)),
  };
}, 180_000);

afterAll(async () => {
  await Promise.all([proxies?.v3.close(), proxies?.v2.close()]);
  await Promise.all([servers?.v3.stop(), servers?.v2.stop(), workspace?.dispose()]);
});

describe('nx run iris:train against an MLflow tracking server', () => {
  it('logs to MLflow 3.x what the file store gets, the model as a logged model', async () => {
    const result = await trainIris(onV3());
    expect(result.code, result.output).toBe(0);
    const view = await readServerRun(servers.v3.url, EXPERIMENT, 'main');
    views.push(view);
    expect(servers.v3.version).toMatch(/^3\./);
    await expectSameRunAsFileStore(view);
    expect(view.loggedModels).toEqual([
      {
        modelId: view.model.modelId,
        name: 'model',
        status: 'READY',
        sourceRunId: view.runId,
        artifacts: ['MLmodel', 'model.json'],
      },
    ]);
    expect(view.modelOutputs).toEqual([view.model.modelId]);
  });

  it('shows the run in the MLflow 3.x UI: params, accuracy and the confusion matrix', async () => {
    const [view] = views;
    const runPage = `${servers.v3.url}/#/experiments/${view!.experimentId}/runs/${view!.runId}`;
    const png = await readFile(join(workspace.root, 'output/iris/train/confusion_matrix.png'));
    await withChromium(async (page) => {
      await page.goto(runPage);
      // The overview fills in section by section; the logged models come last.
      await page.getByText('model_type', { exact: true }).waitFor({ timeout: 30_000 });
      await page.getByText('Logged models (1)').waitFor({ timeout: 30_000 });
      const overview = await page.locator('body').innerText();
      expect(overview).toContain('gaussian_nb');
      expect(overview).toContain(String(view!.metrics.accuracy));
      // The page scrolls inside a panel, so a tall window is what shows params and models too.
      await page.setViewportSize({ width: 1400, height: 2600 });
      await page.screenshot({ path: join(TEST_RESULTS_DIR, 'mlflow-ui-iris-run.png') });
      await page.setViewportSize({ width: 1400, height: 1000 });
      await page.goto(`${runPage}/artifacts/plots/confusion_matrix.png`);
      const image = page.locator('img[src^="blob:"]').first();
      await image.waitFor({ timeout: 30_000 });
      const width = await image.evaluate(
        (element) => (element as { naturalWidth?: number }).naturalWidth,
      );
      // A PNG stores its width as a big-endian integer at byte 16.
      expect(width).toBe(png.readUInt32BE(16));
      await page.screenshot({
        path: join(TEST_RESULTS_DIR, 'mlflow-ui-iris-confusion-matrix.png'),
      });
    });
  });

  it('re-runs only train for another tracking URI; MLflow 2.x gets the model folder', async () => {
    const result = await trainIris(onV2());
    expect(result.code, result.output).toBe(0);
    expect(taskOutcomes(result.output).executed).toEqual(['iris:train']);
    const view = await readServerRun(servers.v2.url, EXPERIMENT, 'mlflow2');
    views.push(view);
    expect(servers.v2.version).toMatch(/^2\./);
    await expectSameRunAsFileStore(view);
    expect(view.artifacts['model/model.json']).toBe(await localSha256('model/model.json'));
    expect(view.artifacts['model/MLmodel']).toBeDefined();
    const history = JSON.parse(view.tags['mlflow.log-model.history']!);
    expect(history).toMatchObject([{ artifact_path: 'model', run_id: view.runId }]);
  });

  it('logs no second run on a cache hit; run.json names the run, not the secrets', async () => {
    const result = await trainIris(onV2());
    expect(result.code, result.output).toBe(0);
    expect(taskOutcomes(result.output).executed).toEqual([]);
    const view = await readServerRun(servers.v2.url, EXPERIMENT, 'mlflow2');
    expect(view.runCount).toBe(1);
    const record = JSON.parse(
      await readFile(join(workspace.root, 'output/iris/train/run.json'), 'utf8'),
    );
    expect(record).toMatchObject({ runId: view.runId, trackingUri: proxies.v2.url });
  });

  it('never prints, caches or writes a secret', async () => {
    const everything = outputs.map((result) => result.output).join('\n') + JSON.stringify(views);
    for (const secret of SECRETS) expect(everything).not.toContain(secret);
    const places = ['output', '.nx'].map((dir) => join(workspace.root, dir));
    places.push(servers.v3.storeDir, servers.v2.storeDir);
    expect(await filesContaining(places, SECRETS)).toEqual([]);
  });

  it('fails before training on an unreachable server, in one line, cached never', async () => {
    const env = {
      MLFLOW_TRACKING_URI: `http://127.0.0.1:${await freePort()}`,
      MLFLOW_HTTP_REQUEST_MAX_RETRIES: '0',
    };
    for (let attempt = 1; attempt <= 2; attempt += 1) {
      const result = await trainIris(env);
      expect(result.code).not.toBe(0);
      expect(taskOutcomes(result.output).executed).toContain('iris:train');
      const errors = result.output.split('\n').filter((line) => line.includes('error ['));
      expect(errors).toEqual([
        expect.stringContaining(
          `cannot reach the MLflow tracking server ${env.MLFLOW_TRACKING_URI} for GET ` +
            '/api/2.0/mlflow/experiments/get-by-name (connection refused) after 1 try',
        ),
      ]);
      expect(result.output).not.toContain('fitted on');
      expect(result.output).not.toMatch(/\n\s+at .*\.ts:\d+/);
    }
  });
});
