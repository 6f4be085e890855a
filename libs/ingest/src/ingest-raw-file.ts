// The ingest step: fetch a dataset's raw file, verify it, and publish raw.data + raw.json together.
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { withStagedDirectory } from '@pipeline/atomic-fs';
import { formatDuration, type Logger } from '@pipeline/cli';
import { isPipelineError } from '@pipeline/errors';
import type { DownloadProgress } from './download-progress.ts';
import { fetchRawFile, type FetchRequest, type RawFileOrigin } from './fetch-raw-file.ts';
import {
  DEFAULT_STORE_DIR,
  DEFAULT_VENDOR_DIR,
  resolveFolder,
  resolveHttpSettings,
  type HttpOverrides,
} from './ingest-settings.ts';
import { parseRawFileSource } from './raw-file-source.ts';
import { normalizePinnedSha256 } from './verify-raw-file.ts';

export const RAW_FILE_NAME = 'raw.data';
export const METADATA_FILE_NAME = 'raw.json';

export interface IngestOptions {
  dataset: string;
  /** https://, http://, file:// or a path relative to the workspace root. */
  url: string;
  sha256?: string;
  outputDir: string;
  /** Defaults to the current directory; every relative path below starts here. */
  workspaceRoot?: string;
  storeDir?: string;
  vendorDir?: string;
  http?: HttpOverrides;
  log: Logger;
  progress?: DownloadProgress;
}

export interface RawFileMetadata {
  dataset: string;
  /** The url with any credentials masked. */
  url: string;
  sha256: string;
  bytes: number;
  fetchedAt: string;
  origin: RawFileOrigin;
}

type FetchPlan = Omit<FetchRequest, 'targetPath'>;

/** Everything about the call except where to write, checked before any work starts. */
function planFetch(workspaceRoot: string, options: IngestOptions): FetchPlan {
  return {
    source: parseRawFileSource(options.url, workspaceRoot),
    sha256: normalizePinnedSha256(options.sha256),
    storeDir: resolveFolder(workspaceRoot, options.storeDir, DEFAULT_STORE_DIR),
    vendorDir: resolveFolder(workspaceRoot, options.vendorDir, DEFAULT_VENDOR_DIR),
    http: resolveHttpSettings(options.http),
    log: options.log,
    progress: options.progress,
  };
}

async function ingestInto(
  stagedDir: string,
  workspaceRoot: string,
  options: IngestOptions,
): Promise<RawFileMetadata> {
  const plan = planFetch(workspaceRoot, options);
  const { source, sha256, log } = plan;
  const { dataset } = options;
  const startedAt = performance.now();
  log.info(`source ${source.display}`);

  const fetched = await fetchRawFile({ ...plan, targetPath: join(stagedDir, RAW_FILE_NAME) });
  const { origin, bytes } = fetched;
  const metadata: RawFileMetadata = {
    dataset,
    url: source.display,
    sha256: fetched.sha256,
    bytes,
    fetchedAt: new Date().toISOString(),
    origin,
  };
  await writeFile(join(stagedDir, METADATA_FILE_NAME), `${JSON.stringify(metadata, null, 2)}\n`);

  log.info(`${bytes} bytes from ${origin} in ${formatDuration(startedAt)}`);
  if (sha256 === undefined) {
    log.warn(`no sha256 pinned; add 'sha256: ${fetched.sha256}' to its entry`);
  }
  return metadata;
}

/** A failure leaves no output folder at all: the earlier one is removed before anything starts. */
export async function ingestRawFile(options: IngestOptions): Promise<RawFileMetadata> {
  const workspaceRoot = resolve(options.workspaceRoot ?? process.cwd());
  const outputDir = resolve(workspaceRoot, options.outputDir);
  try {
    return await withStagedDirectory(outputDir, (stagedDir) =>
      ingestInto(stagedDir, workspaceRoot, options),
    );
  } catch (error) {
    throw isPipelineError(error) ? error.withLocation({ dataset: options.dataset }) : error;
  }
}
