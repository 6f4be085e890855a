import { describe, expect, it } from 'vitest';
import { isPipelineError } from '@pipeline/errors';
import { parseRawFileSource } from './raw-file-source.ts';
import { redactCredentials } from './redact-credentials.ts';

describe('parseRawFileSource', () => {
  it('moves credentials out of an https url into a basic authorization', () => {
    const source = parseRawFileSource('https://ann:p%40ss@data.example/iris.data?v=2', '/ws');

    expect(source).toMatchObject({ display: 'https://***@data.example/iris.data?v=2' });
    if (source.kind !== 'http') throw new Error('expected an http source');
    expect(source.url.href).toBe('https://data.example/iris.data?v=2');
    const decoded = Buffer.from(source.authorization?.split(' ')[1] ?? '', 'base64').toString();
    expect(decoded).toBe('ann:p@ss');
  });

  it('leaves an url without credentials as it is', () => {
    const source = parseRawFileSource('http://data.example/wine.data', '/ws');

    expect(source).toMatchObject({ display: 'http://data.example/wine.data' });
    expect(source.kind === 'http' && source.authorization).toBe(undefined);
  });

  it('reads relative paths from the workspace root and keeps absolute ones', () => {
    expect(parseRawFileSource('vendor/datasets/iris.data', '/ws')).toMatchObject({
      kind: 'file',
      path: '/ws/vendor/datasets/iris.data',
    });
    expect(parseRawFileSource('/data/iris.data', '/ws')).toMatchObject({ path: '/data/iris.data' });
    expect(parseRawFileSource('file:///data/iris%20v1.data', '/ws')).toMatchObject({
      kind: 'file',
      path: '/data/iris v1.data',
    });
  });

  it('rejects other schemes without echoing their credentials', () => {
    let caught: unknown;
    try {
      parseRawFileSource('s3://key:secret@bucket/iris.data', '/ws');
    } catch (error) {
      caught = error;
    }

    expect(isPipelineError(caught) && caught.code).toBe('USAGE');
    expect(String((caught as Error).message)).not.toContain('secret');
  });
});

describe('redactCredentials', () => {
  it('masks every user:password@ in a text and nothing else', () => {
    const text = 'GET http://u:pw@a.example/x then https://b.example/y@z';

    expect(redactCredentials(text)).toBe('GET http://***@a.example/x then https://b.example/y@z');
  });
});
