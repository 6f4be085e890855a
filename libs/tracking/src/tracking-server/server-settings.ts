// How to talk to an MLflow tracking server, read from the same variables and with the same
// defaults as MLflow's Python client. Credentials live only here and in request headers.
import { PipelineError } from '@pipeline/errors';
import { redactTrackingUri } from '../redact-tracking-uri.ts';

export interface ServerSettings {
  /** The server's base URL without credentials or a trailing slash, e.g. http://host:5000. */
  baseUrl: string;
  /** The tracking URI as it may be printed or recorded. */
  displayUri: string;
  /** The Authorization header value, if any credentials were given. */
  authorization: string | undefined;
  /** Every secret value, so no message can carry one by accident. */
  secrets: string[];
  insecureTls: boolean;
  timeoutMs: number;
  maxRetries: number;
  backoffFactorMs: number;
  backoffJitterMs: number;
}

/** MLflow refuses more retries and longer backoff factors than these. */
const MAX_RETRIES_LIMIT = 10;
const MAX_BACKOFF_FACTOR_SECONDS = 120;

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number) {
  const text = env[name]?.trim();
  if (!text) return fallback;
  const value = Number(text);
  if (Number.isInteger(value) && value >= 0 && value <= max) return value;
  throw new PipelineError('TRACKING_FAILED', `${name} must be a whole number, got '${text}'`, {
    field: name,
    hint: `Set ${name} to a whole number from 0 to ${max}, or unset it for ${fallback}.`,
  });
}

function seconds(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name]?.trim();
  if (!text) return fallback;
  const value = Number(text);
  if (Number.isFinite(value) && value >= 0) return value;
  throw new PipelineError('TRACKING_FAILED', `${name} must be a number of seconds, got '${text}'`, {
    field: name,
    hint: `Set ${name} to a number such as ${fallback}, or unset it.`,
  });
}

/** MLflow's boolean variables accept true/false and 1/0 in any case. */
function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const text = env[name]?.trim().toLowerCase();
  if (!text) return false;
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  throw new PipelineError('TRACKING_FAILED', `${name} must be true or false, got '${text}'`, {
    field: name,
    hint: `Set ${name} to true or false.`,
  });
}

interface Credentials {
  authorization: string | undefined;
  secrets: string[];
}

/** Basic auth wins over a token, as in MLflow; user:password@ in the URI is the last resort. */
function readCredentials(env: NodeJS.ProcessEnv, url: URL): Credentials {
  const userInfo = {
    user: decodeURIComponent(url.username),
    pass: decodeURIComponent(url.password),
  };
  const user = env.MLFLOW_TRACKING_USERNAME || userInfo.user;
  const password = env.MLFLOW_TRACKING_PASSWORD || userInfo.pass;
  const token = env.MLFLOW_TRACKING_TOKEN;
  const secrets = [password, token, userInfo.pass].filter((value) => Boolean(value)) as string[];
  if (user && password) {
    const encoded = Buffer.from(`${user}:${password}`).toString('base64');
    return { authorization: `Basic ${encoded}`, secrets: [...secrets, encoded] };
  }
  if (token) return { authorization: `Bearer ${token}`, secrets };
  return { authorization: undefined, secrets };
}

function parseServerUrl(uri: string): URL {
  try {
    return new URL(uri);
  } catch (cause) {
    throw new PipelineError(
      'TRACKING_FAILED',
      `MLFLOW_TRACKING_URI '${redactTrackingUri(uri)}' is not a valid URL`,
      { field: 'MLFLOW_TRACKING_URI', cause, hint: 'Use a URL such as http://127.0.0.1:5000.' },
    );
  }
}

export function readServerSettings(uri: string, env: NodeJS.ProcessEnv): ServerSettings {
  const url = parseServerUrl(uri);
  const credentials = readCredentials(env, url);
  const base = new URL(url.href);
  base.username = '';
  base.password = '';
  base.search = '';
  base.hash = '';
  return {
    baseUrl: base.href.replace(/\/+$/, ''),
    displayUri: redactTrackingUri(uri),
    ...credentials,
    insecureTls: flag(env, 'MLFLOW_TRACKING_INSECURE_TLS'),
    timeoutMs: seconds(env, 'MLFLOW_HTTP_REQUEST_TIMEOUT', 120) * 1000,
    maxRetries: wholeNumber(env, 'MLFLOW_HTTP_REQUEST_MAX_RETRIES', 7, MAX_RETRIES_LIMIT),
    backoffFactorMs:
      wholeNumber(env, 'MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR', 2, MAX_BACKOFF_FACTOR_SECONDS) * 1000,
    backoffJitterMs: seconds(env, 'MLFLOW_HTTP_REQUEST_BACKOFF_JITTER', 1) * 1000,
  };
}
