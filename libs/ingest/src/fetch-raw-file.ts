// Puts a dataset's raw file in place from the cheapest place that has it: a local path, or for
// a pinned digest the download store or the vendored folder, and only then the network.
import type { Logger } from '@pipeline/cli';
import { PipelineError } from '@pipeline/errors';
import { copyFileWithDigest, type FileDigest } from './digest-copy.ts';
import type { DownloadProgress } from './download-progress.ts';
import { addToStore, findStoreEntry, removeStoreEntry } from './download-store.ts';
import { downloadOverHttp, type HttpSettings } from './http-download.ts';
import type { FileSource, HttpSource, RawFileSource } from './raw-file-source.ts';
import { findVendoredFile } from './vendored-files.ts';
import { verifyRawFile } from './verify-raw-file.ts';

export type RawFileOrigin = 'network' | 'store' | 'vendor' | 'file';

export interface FetchedRawFile extends FileDigest {
  origin: RawFileOrigin;
}

export interface FetchRequest {
  source: RawFileSource;
  sha256: string | undefined;
  targetPath: string;
  storeDir: string;
  vendorDir: string;
  http: HttpSettings;
  log: Logger;
  progress?: DownloadProgress;
}

const MISSING_FILE_CODES = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

async function copyLocalFile(source: FileSource, request: FetchRequest): Promise<FetchedRawFile> {
  let digest: FileDigest;
  try {
    digest = await copyFileWithDigest(source.path, request.targetPath);
  } catch (error) {
    if (!MISSING_FILE_CODES.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
    throw new PipelineError('SOURCE_NOT_FOUND', `no raw file at ${source.display}`, {
      hint: 'Check the url in datasets.yaml; relative paths start at the workspace root.',
      cause: error,
    });
  }
  verifyRawFile(digest, request.sha256, source.display);
  return { ...digest, origin: 'file' };
}

async function copyFromStore(request: FetchRequest, sha256: string) {
  const entry = await findStoreEntry(request.storeDir, sha256);
  if (entry === null) return null;
  const digest = await copyFileWithDigest(entry, request.targetPath);
  if (digest.sha256 === sha256) return digest;
  request.log.warn(`store entry ${entry} does not match its digest; removed, fetching again`);
  await removeStoreEntry(request.storeDir, sha256);
  return null;
}

async function copyFromVendor(request: FetchRequest, sha256: string) {
  const vendored = await findVendoredFile(request.vendorDir, sha256);
  if (vendored === null) return null;
  const digest = await copyFileWithDigest(vendored, request.targetPath);
  // The file may have changed since it was hashed; then it is simply not a match.
  return digest.sha256 === sha256 ? digest : null;
}

async function copyPinnedFile(request: FetchRequest, sha256: string) {
  const stored = await copyFromStore(request, sha256);
  if (stored) return { ...stored, origin: 'store' as const };
  const vendored = await copyFromVendor(request, sha256);
  if (vendored) return { ...vendored, origin: 'vendor' as const };
  return null;
}

async function downloadAndStore(source: HttpSource, request: FetchRequest) {
  const { targetPath, http, log, progress } = request;
  const digest = await downloadOverHttp({ source, targetPath, settings: http, log, progress });
  verifyRawFile(digest, request.sha256, source.display);
  // Unpinned downloads are stored too: pinning the digest later then makes re-runs offline.
  // The store only saves work, so a read-only or full one must not fail the step.
  try {
    await addToStore(request.storeDir, digest.sha256, targetPath);
  } catch (error) {
    log.warn(`could not add the download to the store ${request.storeDir}: ${String(error)}`);
  }
  return { ...digest, origin: 'network' as const };
}

export async function fetchRawFile(request: FetchRequest): Promise<FetchedRawFile> {
  const { source, sha256 } = request;
  if (source.kind === 'file') return copyLocalFile(source, request);
  const pinned = sha256 === undefined ? null : await copyPinnedFile(request, sha256);
  if (pinned) {
    verifyRawFile(pinned, sha256, source.display);
    return pinned;
  }
  return downloadAndStore(source, request);
}
