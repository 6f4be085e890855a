// Fills in the defaults of an ingest call and rejects impossible values before any work starts.
import { resolve } from 'node:path';
import { PipelineError } from '@pipeline/errors';
import type { HttpSettings } from './http-download.ts';

export const DEFAULT_STORE_DIR = '.cache/downloads';
export const DEFAULT_VENDOR_DIR = 'vendor/datasets';

export const DEFAULT_HTTP_SETTINGS: HttpSettings = {
  connectTimeoutMs: 10_000,
  readTimeoutMs: 30_000,
  retries: 3,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
  maxRedirects: 5,
};

export interface HttpOverrides {
  connectTimeoutMs?: number;
  readTimeoutMs?: number;
  retries?: number;
  /** First backoff delay; later ones double. Lowered by tests. */
  retryBaseDelayMs?: number;
}

function wholeNumber(value: number | undefined, name: string, fallback: number, min: number) {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min) {
    throw new PipelineError('USAGE', `${name} must be a whole number of at least ${min}`, {
      field: name,
    });
  }
  return value;
}

export function resolveHttpSettings(overrides: HttpOverrides = {}): HttpSettings {
  const { connectTimeoutMs, readTimeoutMs, retries, retryBaseDelayMs } = overrides;
  const defaults = DEFAULT_HTTP_SETTINGS;
  return {
    ...defaults,
    connectTimeoutMs: wholeNumber(
      connectTimeoutMs,
      'connect-timeout-ms',
      defaults.connectTimeoutMs,
      1,
    ),
    readTimeoutMs: wholeNumber(readTimeoutMs, 'read-timeout-ms', defaults.readTimeoutMs, 1),
    retries: wholeNumber(retries, 'retries', defaults.retries, 0),
    baseDelayMs: wholeNumber(retryBaseDelayMs, 'retry-base-delay-ms', defaults.baseDelayMs, 0),
  };
}

/** Every relative folder of an ingest call starts at the workspace root, like the dataset url. */
export function resolveFolder(workspaceRoot: string, folder: string | undefined, fallback: string) {
  return resolve(workspaceRoot, folder ?? fallback);
}
