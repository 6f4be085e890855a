// Picks the tracking backend from MLFLOW_TRACKING_URI, the variable MLflow's own clients read:
// http(s) means a tracking server; unset means `<cwd>/mlruns`, like a plain `mlflow.start_run()`.
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PipelineError } from '@pipeline/errors';
import { FileStoreBackend } from './file-store/file-store-backend.ts';
import type { StoreLocation } from './file-store/store-layout.ts';
import { redactTrackingUri } from './redact-tracking-uri.ts';
import { TrackingServerBackend } from './tracking-server/server-backend.ts';
import { readServerSettings } from './tracking-server/server-settings.ts';
import type { TrackingBackend } from './tracking-backend.ts';

/** Two characters at least, so a Windows drive such as C:/ reads as a plain path. */
const URI_SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]+):/;
const FIELD = 'MLFLOW_TRACKING_URI';

function fileUriStore(rootDir: string): StoreLocation {
  return { rootDir, artifactRoot: pathToFileURL(rootDir).href };
}

/**
 * `file:///abs` and `file:/abs` name absolute folders; `file:relative` is resolved against the
 * working directory, as MLflow's Python client does. Artifact locations then use file:/// URIs.
 */
function parseFileUri(uri: string, cwd: string): StoreLocation {
  try {
    if (uri.startsWith('file:/')) return fileUriStore(resolve(fileURLToPath(uri)));
    return fileUriStore(resolve(cwd, decodeURIComponent(uri.slice('file:'.length))));
  } catch (cause) {
    const shown = redactTrackingUri(uri);
    throw new PipelineError('TRACKING_FAILED', `'${shown}' is not a local file URI`, {
      field: FIELD,
      cause,
      hint: 'Use file:///absolute/path/to/mlruns (no host name), or a plain folder path.',
    });
  }
}

function isServerScheme(scheme: string | undefined): boolean {
  return scheme === 'http' || scheme === 'https';
}

function unsupportedScheme(uri: string, scheme: string): PipelineError {
  const shown = redactTrackingUri(uri);
  if (isServerScheme(scheme)) {
    return new PipelineError(
      'TRACKING_FAILED',
      `MLFLOW_TRACKING_URI is '${shown}', a tracking server rather than a local store`,
      { field: FIELD, hint: 'Use resolveTrackingBackend, which talks to tracking servers.' },
    );
  }
  return new PipelineError(
    'TRACKING_FAILED',
    `MLFLOW_TRACKING_URI uses the '${scheme}:' scheme ('${shown}'), which is not supported`,
    {
      field: FIELD,
      hint:
        'Use a tracking server (http:// or https://), a local folder (a plain path or a file: ' +
        'URI), or leave MLFLOW_TRACKING_URI unset.',
    },
  );
}

/** Where the backend would write, without creating anything. */
export function resolveStoreLocation(
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): StoreLocation {
  const uri = env.MLFLOW_TRACKING_URI?.trim() ?? '';
  if (uri === '') return fileUriStore(resolve(cwd, 'mlruns'));
  // MLflow reads these bare words as Databricks workspaces, not as folder names.
  if (/^databricks(-uc)?$/.test(uri)) throw unsupportedScheme(uri, 'databricks');
  const scheme = URI_SCHEME.exec(uri)?.[1]?.toLowerCase();
  // A plain path: MLflow then writes artifact locations as plain absolute paths too.
  if (scheme === undefined) {
    const rootDir = resolve(cwd, uri);
    return { rootDir, artifactRoot: rootDir };
  }
  if (scheme === 'file') return parseFileUri(uri, cwd);
  throw unsupportedScheme(uri, scheme);
}

/** `warn` receives retries and values cut to a server's limits: one line each, no secrets. */
export function resolveTrackingBackend(
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
  warn: (message: string) => void = () => {},
): TrackingBackend {
  const uri = env.MLFLOW_TRACKING_URI?.trim() ?? '';
  if (isServerScheme(URI_SCHEME.exec(uri)?.[1]?.toLowerCase())) {
    return new TrackingServerBackend(readServerSettings(uri, env), { cwd, warn });
  }
  return new FileStoreBackend(resolveStoreLocation(env, cwd));
}
