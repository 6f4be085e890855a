import { describe, expect, it } from 'vitest';
import { runPythonJson } from '@pipeline/test-support';
import { formatPythonFloat, toPythonJson } from './python-formatting.ts';

const FLOATS = [
  1, 0.5, 1 / 3, 0.9, 0, -0, -2.5, 1e-5, 1.5e-5, 0.0001, 123456.789, 1e15, 1e16, 2.5e16, 1e100,
  -1e-300, 5e-324, Number.MAX_VALUE, NaN, Infinity, -Infinity,
];

describe('formatPythonFloat', () => {
  it('writes floats exactly as Python repr() does, which MLflow uses in metric files', async () => {
    const python = await runPythonJson<string[]>(
      'import json, sys; print(json.dumps([repr(float(v)) for v in json.load(sys.stdin)]))',
      // Sent as text: JSON has no -0, NaN or Infinity, and float() parses JavaScript's forms.
      FLOATS.map((value) => (Object.is(value, -0) ? '-0' : String(value))),
    );
    expect(FLOATS.map(formatPythonFloat)).toEqual(python);
  });
});

describe('toPythonJson', () => {
  it('produces the same text as json.dumps for nested objects, unicode and escapes', async () => {
    const value = {
      name: 'iris',
      tags: { 'mlflow.user': 'ünïcode ✓ 𝔘', quote: 'say "hi"\n\ttab\u0001\u007f' },
      numbers: [150, 0.25, 1e-7, -3],
      flags: [true, false, null],
      nested: [{ type: 'double', name: 'sepal length', required: true }],
    };
    const python = await runPythonJson<string>(
      'import json, sys; print(json.dumps(json.dumps(json.load(sys.stdin))))',
      value,
    );
    expect(toPythonJson(value)).toBe(python);
  });

  it('leaves out undefined members, as JSON.stringify does', () => {
    expect(toPythonJson({ kept: 1, dropped: undefined })).toBe('{"kept": 1}');
  });
});
