// Decides, for undici's retry interceptor, whether a failed try is tried again and after how long:
// network errors, 5xx and 429 are retried with exponential backoff and jitter; the rest is final.
import type { RetryHandler } from 'undici';
import { redactCredentials } from './redact-credentials.ts';

export interface RetrySettings {
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface RetryNotice {
  failedTry: number;
  delayMs: number;
  reason: string;
}

/** Counts the tries of the current hop, so the final error can say how many were made. */
export interface RetryTracker {
  tries: number;
  readonly decide: RetryHandler.RetryCallback;
}

type ClientError = Error & { code?: string; statusCode?: number; headers?: unknown };

export const RETRYABLE_STATUS_CODES = [429, ...Array.from({ length: 100 }, (_, i) => 500 + i)];

// Refused or reset connections, DNS failures and timeouts; anything else is a bug or a refusal.
const RETRYABLE_ERROR_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE',
  'ENETDOWN', 'ENETUNREACH', 'EHOSTDOWN', 'EHOSTUNREACH',
  'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT',
]);

export function isRetryable(error: ClientError): boolean {
  if (typeof error.statusCode === 'number') {
    return RETRYABLE_STATUS_CODES.includes(error.statusCode);
  }
  return error.code !== undefined && RETRYABLE_ERROR_CODES.has(error.code);
}

function retryAfterMs(headers: unknown): number | undefined {
  const value = (headers as Record<string, unknown> | undefined)?.['retry-after'];
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - Date.now();
  return Number.isFinite(ms) ? Math.max(0, ms) : undefined;
}

export function retryDelayMs(failedTry: number, settings: RetrySettings, headers?: unknown) {
  const asked = retryAfterMs(headers);
  if (asked !== undefined) return Math.min(asked, settings.maxDelayMs);
  const ceiling = Math.min(settings.baseDelayMs * 2 ** (failedTry - 1), settings.maxDelayMs);
  // Half fixed, half random, so clients that failed together do not come back together.
  return ceiling / 2 + (Math.random() * ceiling) / 2;
}

export function describeTryFailure(error: ClientError): string {
  if (typeof error.statusCode === 'number') return `HTTP ${error.statusCode}`;
  return redactCredentials(error.message || error.code || String(error));
}

export function createRetryTracker(
  settings: RetrySettings,
  onRetry: (notice: RetryNotice) => void,
): RetryTracker {
  const tracker: RetryTracker = {
    tries: 1,
    decide(error: ClientError, { state }, callback) {
      tracker.tries = state.counter;
      if (!isRetryable(error) || state.counter > settings.retries) {
        callback(error);
        return;
      }
      const delayMs = retryDelayMs(state.counter, settings, error.headers);
      onRetry({ failedTry: state.counter, delayMs, reason: describeTryFailure(error) });
      setTimeout(() => callback(null), delayMs);
    },
  };
  return tracker;
}
