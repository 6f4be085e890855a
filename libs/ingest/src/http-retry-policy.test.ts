import { describe, expect, it } from 'vitest';
import { createRetryTracker, isRetryable, retryDelayMs } from './http-retry-policy.ts';

const settings = { retries: 3, baseDelayMs: 100, maxDelayMs: 1000 };

function failure(fields: { code?: string; statusCode?: number; headers?: object }) {
  return Object.assign(new Error('failed'), fields);
}

describe('isRetryable', () => {
  it('retries 5xx and 429 answers but not other client errors', () => {
    expect([500, 502, 503, 504, 429].map((statusCode) => isRetryable(failure({ statusCode }))))
      .toEqual([true, true, true, true, true]);
    expect([400, 401, 403, 404, 410].map((statusCode) => isRetryable(failure({ statusCode }))))
      .toEqual([false, false, false, false, false]);
  });

  it('retries refused connections, DNS failures and timeouts but not programming errors', () => {
    const codes = ['ECONNREFUSED', 'ENOTFOUND', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_SOCKET'];

    expect(codes.every((code) => isRetryable(failure({ code })))).toBe(true);
    expect(isRetryable(failure({ code: 'UND_ERR_INVALID_ARG' }))).toBe(false);
    expect(isRetryable(failure({}))).toBe(false);
  });
});

describe('retryDelayMs', () => {
  it('doubles the ceiling with each try and jitters within its upper half', () => {
    for (const failedTry of [1, 2, 3]) {
      const ceiling = settings.baseDelayMs * 2 ** (failedTry - 1);
      const delay = retryDelayMs(failedTry, settings);
      expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
      expect(delay).toBeLessThanOrEqual(ceiling);
    }
  });

  it('never waits longer than the maximum delay', () => {
    expect(retryDelayMs(20, settings)).toBeLessThanOrEqual(settings.maxDelayMs);
  });

  it('follows a Retry-After header in seconds, capped at the maximum delay', () => {
    expect(retryDelayMs(1, settings, { 'retry-after': '0.25' })).toBe(250);
    expect(retryDelayMs(1, settings, { 'retry-after': '3600' })).toBe(settings.maxDelayMs);
  });
});

describe('createRetryTracker', () => {
  it('gives up after the configured retries and remembers how many tries were made', () => {
    const tracker = createRetryTracker({ ...settings, baseDelayMs: 0 }, () => {});
    const outcomes: unknown[] = [];
    const error = failure({ statusCode: 503 });
    const context = { state: { counter: 4 }, opts: { path: '/', method: 'GET' } };
    tracker.decide(error, context as never, (result) => outcomes.push(result));

    expect(outcomes).toEqual([error]);
    expect(tracker.tries).toBe(4);
  });

  it('announces each retry with the failed try and the reason', async () => {
    const notices: string[] = [];
    const tracker = createRetryTracker({ ...settings, baseDelayMs: 0 }, (notice) =>
      notices.push(`${notice.failedTry}: ${notice.reason}`),
    );
    const context = { state: { counter: 1 }, opts: { path: '/', method: 'GET' } };
    const error = failure({ statusCode: 502 });
    await new Promise((resolve) => tracker.decide(error, context as never, resolve));

    expect(notices).toEqual(['1: HTTP 502']);
  });
});
