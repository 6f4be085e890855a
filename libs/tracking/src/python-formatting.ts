// Numbers and JSON text in the exact form MLflow's Python writer produces (float repr and
// json.dumps defaults), so files we write read the same as files MLflow writes.

/** Python's `repr(float)`: "1.0", "0.5", "1e-05", "1e+16", "nan", "inf". */
export function formatPythonFloat(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (Object.is(value, -0)) return '-0.0';
  const [mantissa = '', exponentText = '0'] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  // Python switches to scientific notation outside 1e-4 <= |x| < 1e16; JavaScript's bounds differ.
  if (exponent < -4 || exponent >= 16) {
    const sign = exponent < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  const positional = String(value);
  return positional.includes('.') ? positional : `${positional}.0`;
}

function quotePythonString(text: string): string {
  return JSON.stringify(text).replace(
    /[\u007f-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function formatJsonNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  return Number.isInteger(value) ? String(value) : formatPythonFloat(value);
}

/**
 * Python's `json.dumps(value)` with default settings: ", " and ": " separators and non-ASCII
 * escaped. Whole numbers print as integers because JavaScript cannot tell 1 from 1.0.
 */
export function toPythonJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return quotePythonString(value);
  if (typeof value === 'number') return formatJsonNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map(toPythonJson).join(', ')}]`;
  if (typeof value === 'object') {
    const members = Object.entries(value)
      .filter(([, member]) => member !== undefined)
      .map(([key, member]) => `${quotePythonString(key)}: ${toPythonJson(member)}`);
    return `{${members.join(', ')}}`;
  }
  throw new TypeError(`cannot write a ${typeof value} as JSON`);
}
