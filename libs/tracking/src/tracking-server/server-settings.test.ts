import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './retry-schedule.ts';
import { readServerSettings } from './server-settings.ts';

const URI = 'http://127.0.0.1:5000';

describe('tracking server settings', () => {
  it("uses MLflow's defaults: 120 s timeout, 7 retries, backoff factor 2 s, jitter 1 s", () => {
    expect(readServerSettings(`${URI}/`, {})).toEqual({
      baseUrl: URI,
      displayUri: `${URI}/`,
      authorization: undefined,
      secrets: [],
      insecureTls: false,
      timeoutMs: 120_000,
      maxRetries: 7,
      backoffFactorMs: 2_000,
      backoffJitterMs: 1_000,
    });
  });

  it('prefers username and password over a token, as MLflow does', () => {
    const env = {
      MLFLOW_TRACKING_USERNAME: 'ana',
      MLFLOW_TRACKING_PASSWORD: 'pw',
      MLFLOW_TRACKING_TOKEN: 'tok',
    };
    const settings = readServerSettings(URI, env);
    expect(settings.authorization).toBe(`Basic ${Buffer.from('ana:pw').toString('base64')}`);
    expect(readServerSettings(URI, { MLFLOW_TRACKING_TOKEN: 'tok' }).authorization).toBe(
      'Bearer tok',
    );
    expect(settings.secrets).toEqual(expect.arrayContaining(['pw', 'tok']));
  });

  it('takes user:password@ from the URI as basic auth and keeps it out of the URLs', () => {
    const settings = readServerSettings('https://ana:p%40ss@mlflow.internal/base/', {});
    expect(settings.authorization).toBe(`Basic ${Buffer.from('ana:p@ss').toString('base64')}`);
    expect(settings.baseUrl).toBe('https://mlflow.internal/base');
    expect(settings.displayUri).toBe('https://mlflow.internal/base/');
  });

  it('reads the TLS, timeout and retry variables', () => {
    const settings = readServerSettings(URI, {
      MLFLOW_TRACKING_INSECURE_TLS: 'True',
      MLFLOW_HTTP_REQUEST_TIMEOUT: '5',
      MLFLOW_HTTP_REQUEST_MAX_RETRIES: '0',
    });
    expect(settings).toMatchObject({ insecureTls: true, timeoutMs: 5_000, maxRetries: 0 });
  });

  it('names the variable that holds a value it cannot use', () => {
    for (const [name, value] of [
      ['MLFLOW_HTTP_REQUEST_MAX_RETRIES', '11'],
      ['MLFLOW_HTTP_REQUEST_TIMEOUT', 'soon'],
      ['MLFLOW_TRACKING_INSECURE_TLS', 'maybe'],
    ] as const) {
      expect(() => readServerSettings(URI, { [name]: value })).toThrow(
        expect.objectContaining({ code: 'TRACKING_FAILED', location: { field: name } }),
      );
    }
  });
});

describe('the wait before a retry', () => {
  const settings = { backoffFactorMs: 2_000, backoffJitterMs: 1_000 };

  it('doubles from the backoff factor, adds jitter and stops growing at 120 s', () => {
    const waits = [1, 2, 3, 7, 8].map((retry) => retryDelayMs(retry, settings, undefined, () => 0));
    expect(waits).toEqual([2_000, 4_000, 8_000, 120_000, 120_000]);
    expect(retryDelayMs(1, settings, undefined, () => 0.5)).toBe(2_500);
  });

  it("waits as long as the server's Retry-After asks, within the same cap", () => {
    expect(retryDelayMs(1, settings, '30', () => 0)).toBe(30_000);
    expect(retryDelayMs(1, settings, '600', () => 0)).toBe(120_000);
  });
});
