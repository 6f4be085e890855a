// Picks the tracking backend from MLFLOW_TRACKING_URI, the variable MLflow's own clients read.
// Unset means `<cwd>/mlruns`, like a plain `mlflow.start_run()`.
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PipelineError } from '@pipeline/errors';
import { FileStoreBackend } from './file-store/file-store-backend.ts';
import type { StoreLocation } from './file-store/store-layout.ts';
import { redactTrackingUri } from './redact-tracking-uri.ts';
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

function unsupportedScheme(uri: string, scheme: string): PipelineError {
  const shown = redactTrackingUri(uri);
  if (scheme === 'http' || scheme === 'https') {
    return new PipelineError(
      'TRACKING_FAILED',
      `MLFLOW_TRACKING_URI is '${shown}', but the tracking-server backend is not available ` +
        'in this build',
      { field: FIELD, hint: 'Unset MLFLOW_TRACKING_URI to log to ./mlruns, or use a file: URI.' },
    );
  }
  return new PipelineError(
    'TRACKING_FAILED',
    `MLFLOW_TRACKING_URI uses the '${scheme}:' scheme ('${shown}'), which is not supported`,
    {
      field: FIELD,
      hint: 'Use a local folder: a plain path, a file: URI, or leave MLFLOW_TRACKING_URI unset.',
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
  const scheme = URI_SCHEME.exec(uri)?.[1]?.toLowerCase();
  // A plain path: MLflow then writes artifact locations as plain absolute paths too.
  if (scheme === undefined) {
    const rootDir = resolve(cwd, uri);
    return { rootDir, artifactRoot: rootDir };
  }
  if (scheme === 'file') return parseFileUri(uri, cwd);
  throw unsupportedScheme(uri, scheme);
}

export function resolveTrackingBackend(
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): TrackingBackend {
  return new FileStoreBackend(resolveStoreLocation(env, cwd));
}
