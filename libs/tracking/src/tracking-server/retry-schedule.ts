// Which failed calls to the tracking server are tried again, and after how long: network errors,
// 429 and 5xx, with MLflow's exponential backoff (factor x 2^(n-1), at most 120 s) plus jitter.

const MAX_DELAY_MS = 120_000;

/** Refused, reset or silent connections and failed name lookups; TLS and usage errors are final. */
const TRANSIENT_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETDOWN',
  'ENETUNREACH',
  'EHOSTDOWN',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

export interface BackoffSettings {
  backoffFactorMs: number;
  backoffJitterMs: number;
}

export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/** The error code of a failed request; undici nests it for refused dual-stack connections. */
export function networkErrorCode(error: unknown): string | undefined {
  const withCode = error as { code?: unknown; cause?: { code?: unknown } } | undefined;
  const code = withCode?.code ?? withCode?.cause?.code;
  return typeof code === 'string' ? code : undefined;
}

export function isRetryableError(error: unknown): boolean {
  const code = networkErrorCode(error);
  return code !== undefined && TRANSIENT_ERROR_CODES.has(code);
}

function retryAfterMs(header: string | string[] | undefined): number | undefined {
  const text = Array.isArray(header) ? header[0] : header;
  if (text === undefined || text.trim() === '') return undefined;
  const secondsValue = Number(text);
  const ms = Number.isFinite(secondsValue) ? secondsValue * 1000 : Date.parse(text) - Date.now();
  return Number.isFinite(ms) ? Math.max(0, ms) : undefined;
}

/**
 * The wait before retry number `retry` (1 for the first). A server's Retry-After wins when it
 * asks for longer, within the same cap.
 */
export function retryDelayMs(
  retry: number,
  settings: BackoffSettings,
  retryAfter?: string | string[],
  random: () => number = Math.random,
): number {
  const backoff = settings.backoffFactorMs * 2 ** (retry - 1) + random() * settings.backoffJitterMs;
  const asked = retryAfterMs(retryAfter) ?? 0;
  return Math.min(Math.max(backoff, asked), MAX_DELAY_MS);
}
