import { describe, expect, it } from 'vitest';
import { isPipelineError, type PipelineError } from '@pipeline/errors';
import { redactTrackingUri } from './redact-tracking-uri.ts';
import { resolveStoreLocation, resolveTrackingBackend } from './resolve-tracking-backend.ts';
import { TrackingServerBackend } from './tracking-server/server-backend.ts';

const CWD = '/work/project';

function errorFor(uri: string): PipelineError {
  try {
    resolveTrackingBackend({ MLFLOW_TRACKING_URI: uri }, CWD);
  } catch (error) {
    if (isPipelineError(error)) return error;
    throw error;
  }
  throw new Error(`expected '${uri}' to be rejected`);
}

describe('resolveStoreLocation', () => {
  it('uses <cwd>/mlruns with file:// artifact locations when MLFLOW_TRACKING_URI is unset', () => {
    for (const env of [{}, { MLFLOW_TRACKING_URI: '  ' }]) {
      expect(resolveStoreLocation(env, CWD)).toEqual({
        rootDir: '/work/project/mlruns',
        artifactRoot: 'file:///work/project/mlruns',
      });
    }
  });

  it('reads file:///abs, file:/abs and file://localhost/abs as that absolute folder', () => {
    const uris = ['file:///data/mlruns', 'file:/data/mlruns/', 'file://localhost/data/mlruns'];
    for (const uri of uris) {
      expect(resolveStoreLocation({ MLFLOW_TRACKING_URI: uri }, CWD)).toEqual({
        rootDir: '/data/mlruns',
        artifactRoot: 'file:///data/mlruns',
      });
    }
  });

  it('resolves file:relative against the working directory, as MLflow does', () => {
    const location = resolveStoreLocation({ MLFLOW_TRACKING_URI: 'file:out/my%20runs' }, CWD);
    expect(location).toEqual({
      rootDir: '/work/project/out/my runs',
      artifactRoot: 'file:///work/project/out/my%20runs',
    });
  });

  it('keeps artifact locations as plain absolute paths when given a plain path', () => {
    expect(resolveStoreLocation({ MLFLOW_TRACKING_URI: 'runs/mlruns' }, CWD)).toEqual({
      rootDir: '/work/project/runs/mlruns',
      artifactRoot: '/work/project/runs/mlruns',
    });
    expect(resolveStoreLocation({ MLFLOW_TRACKING_URI: '/srv/mlruns' }, CWD).artifactRoot).toBe(
      '/srv/mlruns',
    );
  });
});

describe('resolveTrackingBackend', () => {
  it('gives the file store a display URI without creating anything', () => {
    const backend = resolveTrackingBackend({ MLFLOW_TRACKING_URI: 'file:///nowhere/mlruns' }, CWD);
    expect(backend.displayUri).toBe('file:///nowhere/mlruns');
  });

  it('talks to a tracking server for http and https, shown without credentials', () => {
    for (const uri of ['http://127.0.0.1:5000', 'HTTPS://bob:pw@mlflow.example.org/?token=t1']) {
      const backend = resolveTrackingBackend({ MLFLOW_TRACKING_URI: uri }, CWD);
      expect(backend).toBeInstanceOf(TrackingServerBackend);
      expect(backend.displayUri).not.toMatch(/bob|pw|t1/);
    }
  });

  it('says a tracking server is not a local store', () => {
    expect(() =>
      resolveStoreLocation({ MLFLOW_TRACKING_URI: 'http://127.0.0.1:5000' }, CWD),
    ).toThrow(
      expect.objectContaining({
        code: 'TRACKING_FAILED',
        location: { field: 'MLFLOW_TRACKING_URI' },
      }),
    );
  });

  it('names an unsupported scheme and what is supported instead', () => {
    for (const scheme of ['databricks', 'sqlite', 'postgresql']) {
      const error = errorFor(`${scheme}://somewhere/db`);
      expect(error.code).toBe('TRACKING_FAILED');
      expect(error.message).toContain(`'${scheme}:' scheme`);
      expect(error.hint).toContain('file: URI');
    }
  });

  it('reads the bare word databricks as MLflow does, not as a folder name', () => {
    for (const uri of ['databricks', 'databricks-uc']) {
      expect(errorFor(uri).message).toContain("'databricks:' scheme");
    }
  });

  it('never repeats credentials from the URI in its errors', () => {
    const error = errorFor('wasbs://alice:s3cret@store.example.org/?token=abc123');
    expect(error.message).toContain('wasbs://store.example.org/?token=REDACTED');
    expect(`${error.message} ${error.hint}`).not.toMatch(/s3cret|alice|abc123/);
  });

  it('rejects a file URI that names another host', () => {
    const error = errorFor('file://fileserver/share/mlruns');
    expect(error.code).toBe('TRACKING_FAILED');
    expect(error.hint).toContain('no host name');
  });
});

describe('redactTrackingUri', () => {
  it('drops user and password, even when the password holds an unencoded @', () => {
    expect(redactTrackingUri('https://bob:p@ss@host:5000/path')).toBe('https://host:5000/path');
    expect(redactTrackingUri('http://token@host')).toBe('http://host');
  });

  it('hides secret-looking query values and keeps the rest', () => {
    const uri = 'https://host/x?experiment=3&api_key=k1&X-Amz-Signature=s2&Token=t3#frag';
    expect(redactTrackingUri(uri)).toBe(
      'https://host/x?experiment=3&api_key=REDACTED&X-Amz-Signature=REDACTED&Token=REDACTED#frag',
    );
  });

  it('leaves paths and URIs without secrets unchanged', () => {
    for (const uri of ['/srv/mlruns', 'file:///srv/mlruns', 'http://127.0.0.1:5000']) {
      expect(redactTrackingUri(uri)).toBe(uri);
    }
  });
});
