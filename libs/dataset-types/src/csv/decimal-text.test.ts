// Numbers read from bytes must be exactly Number()'s, and text called canonical must be exactly
// what String() writes, since prepare copies that text instead of formatting the number.
import { describe, expect, it } from 'vitest';
import { isCanonicalDecimal, isCanonicalPlain, readDecimal } from './decimal-text.ts';

// The reader's rule for what counts as a number at all.
const DECIMAL_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A fixed sequence of texts: edge cases first, then seeded random ones of every shape. */
function sampleTexts(count: number): string[] {
  const texts = ['0', '-0', '0.0', '00', '5.', '.5', '-.5', '+1', '1e3', '1E-7', '0.000001',
    '0.0000001', '100', '1.50', '123456789012345', '1234567890123456', '9007199254740993',
    '1e22', '1e23', '4.35', '0.1', '-0.000001234', '1e999', '.', '-', 'e5', '1e', '1.2.3'];
  let state = 7;
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  while (texts.length < count) {
    const value = (next() - 0.5) * 10 ** Math.floor(next() * 30 - 12);
    const shape = next();
    if (shape < 0.3) texts.push(String(value));
    else if (shape < 0.6) texts.push(value.toFixed(Math.floor(next() * 12)));
    else if (shape < 0.8) texts.push(String(Math.round(value * 1e4) / 1e4));
    else texts.push(Array.from({ length: 1 + Math.floor(next() * 12) },
      () => '0012345679.-e'[Math.floor(next() * 13)]).join(''));
  }
  return texts;
}

const TEXTS = sampleTexts(20_000);

describe('decimal text', () => {
  it('reads every plain decimal exactly as Number() does, or leaves it to Number()', () => {
    let readHere = 0;
    for (const text of TEXTS) {
      const bytes = Buffer.from(text);
      const value = readDecimal(bytes, 0, bytes.length);
      if (Number.isNaN(value)) continue;
      readHere += 1;
      expect(DECIMAL_NUMBER.test(text), text).toBe(true);
      expect(Object.is(value, Number(text)), text).toBe(true);
    }
    expect(readHere).toBeGreaterThan(TEXTS.length / 3);
  });

  it('calls text canonical only when String(Number(text)) gives it back', () => {
    let canonical = 0;
    for (const text of TEXTS) {
      const bytes = Buffer.from(text);
      if (!isCanonicalDecimal(bytes, 0, bytes.length)) continue;
      canonical += 1;
      expect(String(Number(text)), text).toBe(text);
    }
    expect(canonical).toBeGreaterThan(TEXTS.length / 4);
  });

  it('judges plain text read on the fast path as the full check does', () => {
    for (const text of TEXTS.filter((candidate) => /^-?\d*\.?\d*$/.test(candidate))) {
      const bytes = Buffer.from(text);
      const digitsStart = text.startsWith('-') ? 1 : 0;
      const mantissa = Number(text.slice(digitsStart).replace('.', '') || 'NaN');
      if (!Number.isSafeInteger(mantissa) || !DECIMAL_NUMBER.test(text)) continue;
      const plain = isCanonicalPlain(bytes, digitsStart, text.indexOf('.'), bytes.length,
        mantissa, Math.abs(Number(text)));
      expect(plain, text).toBe(isCanonicalDecimal(bytes, 0, bytes.length));
    }
  });
});
