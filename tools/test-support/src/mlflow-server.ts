// A real `mlflow server` from one of the test virtual environments, on 127.0.0.1 with a free
// port, a temporary sqlite store and --serve-artifacts. Starting one takes seconds, so a test
// file shares one per MLflow version.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { testPython } from './python.ts';

export interface MlflowServer {
  url: string;
  /** The version the server reports, e.g. "3.17.2". */
  version: string;
  /** The server's whole store: its sqlite database and its artifacts. */
  storeDir: string;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 90_000;

/** A port that was free a moment ago; the server binds it right after. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function waitUntilHealthy(url: string, child: ChildProcess, logFile: string) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const healthy = await fetch(`${url}/health`).then(
      (answer) => answer.ok,
      () => false,
    );
    if (healthy) return;
    await sleep(250);
  }
  const log = await readFile(logFile, 'utf8').catch(() => '');
  throw new Error(`mlflow server did not start at ${url}:\n${log.slice(-3000)}`);
}

/** Stops the server and the workers it started; they share its process group. */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid, 'SIGTERM');
  const stopped = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
  if (!stopped) process.kill(-child.pid, 'SIGKILL');
}

function serverArguments(port: number, dir: string): string[] {
  const store = `sqlite:///${join(dir, 'mlflow.db')}`;
  const artifacts = join(dir, 'artifacts');
  return ['server', '--host', '127.0.0.1', '--port', String(port), '--workers', '1']
    .concat(['--backend-store-uri', store, '--serve-artifacts'])
    .concat(['--artifacts-destination', artifacts]);
}

function spawnServer(environment: string, port: number, dir: string, logFile: string) {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('MLFLOW_')),
  );
  const log = openSync(logFile, 'a');
  const child = spawn(
    join(dirname(testPython(environment)), 'mlflow'),
    serverArguments(port, dir),
    {
      cwd: dir,
      detached: true,
      // Background jobs (3.x) are of no use to the tests and cost a core's worth of workers.
      env: { ...env, MLFLOW_SERVER_ENABLE_JOB_EXECUTION: 'false' },
      stdio: ['ignore', log, log],
    },
  );
  closeSync(log);
  return child;
}

export async function startMlflowServer(environment = 'main'): Promise<MlflowServer> {
  const dir = await mkdtemp(join(tmpdir(), `mlflow-server-${environment}-`));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logFile = join(dir, 'server.log');
  const child = spawnServer(environment, port, dir, logFile);
  const stop = async () => {
    await stopGroup(child);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilHealthy(url, child, logFile);
    const version = (await (await fetch(`${url}/version`)).text()).trim();
    return { url, version, storeDir: dir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
