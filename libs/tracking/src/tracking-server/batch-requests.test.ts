import { describe, expect, it } from 'vitest';
import { LOG_BATCH_LIMITS, logBatchBodies, VALUE_LIMITS } from './batch-requests.ts';
import { toRestJson } from './rest-json.ts';

function metrics(count: number, key = 'm') {
  return Array.from({ length: count }, (_, step) => ({ key, value: step, timestamp: 1, step }));
}

function params(count: number, value = 'v') {
  return Object.fromEntries(Array.from({ length: count }, (_, index) => [`p${index}`, value]));
}

function noWarnings(message: string): never {
  throw new Error(`unexpected warning: ${message}`);
}

describe('log-batch bodies', () => {
  it('splits 1001 metrics and 101 params, which MLflow rejects in one request', () => {
    const bodies = logBatchBodies(
      'r1',
      { metrics: metrics(1001), params: params(101) },
      noWarnings,
    );
    expect(bodies.map((body) => [body.params.length, body.metrics.length])).toEqual([
      [100, 0],
      [1, 999],
      [0, 2],
    ]);
    expect(bodies.flatMap((body) => body.metrics)).toEqual(metrics(1001));
    expect(bodies.every((body) => body.run_id === 'r1')).toBe(true);
  });

  it('keeps params, tags and metrics together at 1000 entities per request', () => {
    const bodies = logBatchBodies(
      'r1',
      { params: params(100), tags: params(100), metrics: metrics(900) },
      noWarnings,
    );
    const sizes = bodies.map((body) => body.params.length + body.tags.length + body.metrics.length);
    expect(sizes).toEqual([1000, 100]);
  });

  it('keeps every request body under 1 MB', () => {
    const batch = {
      params: params(100, 'x'.repeat(VALUE_LIMITS.param)),
      tags: params(100, 'y'.repeat(VALUE_LIMITS.tag)),
    };
    const bodies = logBatchBodies('r1', batch, noWarnings);
    expect(bodies.length).toBeGreaterThan(1);
    for (const body of bodies) {
      expect(Buffer.byteLength(toRestJson(body))).toBeLessThanOrEqual(LOG_BATCH_LIMITS.bytes);
    }
    expect(bodies.reduce((count, body) => count + body.params.length, 0)).toBe(100);
  });

  it('cuts values too long for the server to its limit, in characters, and warns', () => {
    const warnings: string[] = [];
    const note = '€'.repeat(VALUE_LIMITS.param + 5);
    const [body] = logBatchBodies('r1', { params: { note }, tags: { ok: 'fine' } }, (message) =>
      warnings.push(message),
    );
    expect(body?.params[0]?.value).toBe('€'.repeat(VALUE_LIMITS.param));
    expect(body?.tags).toEqual([{ key: 'ok', value: 'fine' }]);
    expect(warnings).toEqual([
      "param 'note' is 6005 characters long; " +
        "logged only its first 6000, the tracking server's limit",
    ]);
  });

  it('rejects a key MLflow would reject before sending anything', () => {
    expect(() => logBatchBodies('r1', { metrics: metrics(1, '../escape') }, noWarnings)).toThrow(
      expect.objectContaining({ code: 'TRACKING_FAILED', location: { field: '../escape' } }),
    );
  });
});
