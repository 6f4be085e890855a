// Reads a dataset's url into where its raw file lives: an HTTP(S) address or a local file.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PipelineError } from '@pipeline/errors';
import { displayUrl, redactCredentials } from './redact-credentials.ts';

export interface HttpSource {
  kind: 'http';
  /** The address without credentials; those travel in `authorization` instead. */
  url: URL;
  authorization: string | undefined;
  display: string;
}

export interface FileSource {
  kind: 'file';
  path: string;
  display: string;
}

export type RawFileSource = HttpSource | FileSource;

// Two letters at least, so a Windows drive ("C:\data") is read as a path, not a scheme.
const SCHEME = /^([a-z][a-z0-9+.-]+):/i;

function httpSource(url: URL): HttpSource {
  const display = displayUrl(url);
  let authorization: string | undefined;
  if (url.username !== '' || url.password !== '') {
    const user = decodeURIComponent(url.username);
    const password = decodeURIComponent(url.password);
    authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  }
  const bare = new URL(url.href);
  bare.username = '';
  bare.password = '';
  return { kind: 'http', url: bare, authorization, display };
}

function fileUrlSource(url: URL): FileSource {
  let path: string;
  try {
    path = fileURLToPath(url);
  } catch (cause) {
    throw new PipelineError('USAGE', `cannot read ${url.href} as a local path`, {
      field: 'url',
      hint: 'Use file:///absolute/path or a path relative to the workspace root.',
      cause,
    });
  }
  return { kind: 'file', path, display: url.href };
}

/** Relative paths are resolved against the workspace root, never the current directory. */
export function parseRawFileSource(text: string, workspaceRoot: string): RawFileSource {
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    const path = resolve(workspaceRoot, text);
    return { kind: 'file', path, display: path };
  }
  const url = URL.canParse(text) ? new URL(text) : undefined;
  if (url && (scheme === 'http' || scheme === 'https')) return httpSource(url);
  if (url && scheme === 'file') return fileUrlSource(url);
  throw new PipelineError('USAGE', `unsupported url '${redactCredentials(text)}'`, {
    field: 'url',
    hint: 'Give the dataset an https://, http:// or file:// url, or a path in the workspace.',
  });
}
