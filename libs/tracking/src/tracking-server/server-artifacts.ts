// Where a run's or a logged model's artifacts go when runs live on a tracking server: through
// the server's artifact proxy for `mlflow-artifacts:` URIs, straight to disk for local paths and
// `file:` URIs (a folder the server shares with this machine). Other stores are refused by name.
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PipelineError } from '@pipeline/errors';
import { assertValidArtifactPath } from '../entity-keys.ts';
import { filesUnder, MLMODEL_FILE } from '../file-store/run-artifacts.ts';
import { copyIntoStore, toStoreYaml, writeStoreFile } from '../file-store/store-files.ts';
import type { ServerHttp } from './server-http.ts';

export interface ArtifactWriter {
  /** Stores a local file at `artifactPath`: relative, "/"-separated, ending in its file name. */
  putFile(localPath: string, artifactPath: string): Promise<void>;
  putText(text: string, artifactPath: string): Promise<void>;
}

const PROXY_PATH = '/api/2.0/mlflow-artifacts/artifacts';
const URI_SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]+):/;

const CONTENT_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.txt': 'text/plain',
  '.yaml': 'text/yaml',
  '.csv': 'text/csv',
};

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function proxyWriter(http: ServerHttp, rootPath: string): ArtifactWriter {
  const put = async (body: Buffer, artifactPath: string) => {
    await http.expectOk({
      method: 'PUT',
      path: `${PROXY_PATH}/${encodePath(`${rootPath}/${artifactPath}`)}`,
      body,
      contentType: CONTENT_TYPES[extname(artifactPath)] ?? 'application/octet-stream',
    });
  };
  return {
    putFile: async (localPath, artifactPath) => put(await readFile(localPath), artifactPath),
    putText: (text, artifactPath) => put(Buffer.from(text), artifactPath),
  };
}

/** Staging beside the artifact root keeps temporary files out of the artifact browser. */
function localWriter(root: string): ArtifactWriter {
  const staging = dirname(root);
  return {
    putFile: (localPath, artifactPath) =>
      copyIntoStore(localPath, join(root, artifactPath), staging),
    putText: (text, artifactPath) => writeStoreFile(join(root, artifactPath), text, staging),
  };
}

function unsupportedStore(artifactUri: string, problem: string): PipelineError {
  return new PipelineError(
    'UNSUPPORTED_ARTIFACT_STORE',
    `the tracking server keeps these artifacts at '${artifactUri}', ${problem}`,
    {
      hint:
        'Start the server with --serve-artifacts so it stores artifacts itself, or give the ' +
        'experiment a local artifact location; this pipeline writes no cloud stores directly.',
    },
  );
}

function proxyRootOf(artifactUri: string, serverUrl: string): string {
  const url = new URL(artifactUri);
  if (url.host !== '' && url.host !== new URL(serverUrl).host) {
    throw unsupportedStore(artifactUri, `which another server (${url.host}) serves`);
  }
  return decodeURIComponent(url.pathname).replace(/^\/+|\/+$/g, '');
}

/** Checks the artifact URI as soon as the run exists, so no training is done in vain. */
export function artifactWriterFor(
  artifactUri: string,
  http: ServerHttp,
  serverUrl: string,
  cwd: string,
): ArtifactWriter {
  const scheme = URI_SCHEME.exec(artifactUri)?.[1]?.toLowerCase();
  if (scheme === 'mlflow-artifacts') return proxyWriter(http, proxyRootOf(artifactUri, serverUrl));
  if (scheme === 'file') return localWriter(fileURLToPath(artifactUri));
  // A plain path, resolved like MLflow's Python client resolves it: from the working directory.
  if (scheme === undefined) return localWriter(resolve(cwd, artifactUri));
  throw unsupportedStore(artifactUri, `a '${scheme}:' store this pipeline cannot write to`);
}

function joinArtifactPath(...parts: string[]): string {
  return parts.filter((part) => part !== '').join('/');
}

export async function putArtifactFile(writer: ArtifactWriter, localPath: string, dir = '') {
  if (dir) assertValidArtifactPath(dir);
  await writer.putFile(localPath, joinArtifactPath(dir, basename(localPath)));
}

/** `artifactPath` '' puts the folder's contents at the root, as a logged model's files sit. */
export async function putArtifactDirectory(
  writer: ArtifactWriter,
  localDir: string,
  artifactPath: string,
  skip: (relativePath: string) => boolean = () => false,
) {
  if (artifactPath) assertValidArtifactPath(artifactPath);
  for (const relative of await filesUnder(localDir)) {
    if (skip(relative)) continue;
    await writer.putFile(join(localDir, relative), joinArtifactPath(artifactPath, relative));
  }
}

/** MLmodel goes last and is written from `mlmodel`, so a listed model folder is complete. */
export async function putModelFolder(
  writer: ArtifactWriter,
  localModelDir: string,
  artifactPath: string,
  mlmodel: Record<string, unknown>,
) {
  await putArtifactDirectory(writer, localModelDir, artifactPath, (relative) => {
    return relative === MLMODEL_FILE;
  });
  await writer.putText(toStoreYaml(mlmodel), joinArtifactPath(artifactPath, MLMODEL_FILE));
}
