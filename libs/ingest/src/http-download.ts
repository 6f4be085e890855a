// Downloads a raw file over HTTP(S). Timeouts, retries and redirects are undici's own (Agent
// options and interceptors); this file only streams the body to disk while hashing it.
// undici takes about 85 ms to load, so it is loaded by the first download rather than by every
// ingest (local and pinned files never need it).
import type { Agent, Dispatcher } from 'undici';
import type { Logger } from '@pipeline/cli';
import { isPipelineError } from '@pipeline/errors';
import { copyWithDigest, createCopyCounter, type FileDigest } from './digest-copy.ts';
import type { DownloadProgress } from './download-progress.ts';
import { requestFailure, statusFailure, truncatedDownload } from './http-failures.ts';
import {
  createRetryTracker,
  RETRYABLE_STATUS_CODES,
  type RetrySettings,
  type RetryTracker,
} from './http-retry-policy.ts';
import type { HttpSource } from './raw-file-source.ts';

export interface HttpSettings extends RetrySettings {
  connectTimeoutMs: number;
  /** Longest wait for the response headers, and between two pieces of the body. */
  readTimeoutMs: number;
  maxRedirects: number;
}

export interface HttpDownload {
  source: HttpSource;
  targetPath: string;
  settings: HttpSettings;
  log: Logger;
  progress?: DownloadProgress;
}

type Undici = typeof import('undici');

function composeDispatcher(
  { interceptors }: Undici,
  agent: Agent,
  settings: HttpSettings,
  tracker: RetryTracker,
) {
  // Retry sits inside redirect, so every hop gets its own tries against its own address.
  return agent.compose(
    interceptors.retry({
      maxRetries: settings.retries,
      statusCodes: RETRYABLE_STATUS_CODES,
      retry: tracker.decide,
    }),
    interceptors.redirect({ maxRedirections: settings.maxRedirects }),
  );
}

async function openResponse(
  { request }: Undici,
  dispatcher: Dispatcher,
  job: HttpDownload,
  tracker: RetryTracker,
): Promise<Dispatcher.ResponseData> {
  const { source, settings } = job;
  const headers = source.authorization ? { authorization: source.authorization } : undefined;
  let response: Dispatcher.ResponseData;
  try {
    response = await request(source.url, { dispatcher, method: 'GET', headers });
  } catch (error) {
    throw requestFailure(error as Error, source.display, tracker.tries, settings.maxRedirects);
  }
  if (response.statusCode < 200 || response.statusCode >= 300) {
    await response.body.dump();
    throw statusFailure(response.statusCode, source.display, tracker.tries, settings.maxRedirects);
  }
  return response;
}

function declaredLength(headers: Dispatcher.ResponseData['headers']): number | undefined {
  const value = Number(headers['content-length']);
  if (headers['content-length'] === undefined || !Number.isSafeInteger(value)) return undefined;
  return value;
}

async function saveBody(response: Dispatcher.ResponseData, job: HttpDownload) {
  const { source, targetPath, progress } = job;
  const expected = declaredLength(response.headers);
  const counter = createCopyCounter((bytes) => progress?.update(bytes));
  progress?.start(expected);
  try {
    const digest = await copyWithDigest(response.body, targetPath, counter);
    if (expected !== undefined && digest.bytes !== expected) {
      throw truncatedDownload(source.display, digest.bytes, expected);
    }
    return digest;
  } catch (error) {
    if (isPipelineError(error)) throw error;
    throw truncatedDownload(source.display, counter.bytes, expected, error as Error);
  } finally {
    progress?.stop();
  }
}

export async function downloadOverHttp(job: HttpDownload): Promise<FileDigest> {
  const { settings, log } = job;
  const undici = await import('undici');
  const agent = new undici.Agent({
    connectTimeout: settings.connectTimeoutMs,
    headersTimeout: settings.readTimeoutMs,
    bodyTimeout: settings.readTimeoutMs,
  });
  const tracker = createRetryTracker(settings, ({ failedTry, delayMs, reason }) => {
    const tries = `try ${failedTry} of ${settings.retries + 1}`;
    log.warn(`${tries} failed (${reason}); retrying in ${Math.round(delayMs)} ms`);
  });
  try {
    const dispatcher = composeDispatcher(undici, agent, settings, tracker);
    const response = await openResponse(undici, dispatcher, job, tracker);
    return await saveBody(response, job);
  } finally {
    await agent.destroy();
  }
}
