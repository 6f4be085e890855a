import { describe, expect, it } from 'vitest';
import { runPythonJson } from './python.ts';

describe('test references', () => {
  it('runs the pinned scikit-learn and MLflow from .venv-test', async () => {
    const versions = await runPythonJson<{ sklearn: string; mlflow: string }>(
      'import json, sklearn, mlflow\n' +
        'print(json.dumps({"sklearn": sklearn.__version__, "mlflow": mlflow.__version__}))',
    );
    expect(versions.sklearn).toBe('1.9.1');
    expect(versions.mlflow).toBe('3.17.2');
  });
});
