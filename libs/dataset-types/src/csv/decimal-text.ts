// Reads plain decimal numbers straight from bytes, giving exactly what Number() gives for the same
// text, and tells when the text is already written the way String() would write its number.

const DIGIT_0 = 0x30;
const MINUS = 0x2d;
const PLUS = 0x2b;
const POINT = 0x2e;
const LOWER_E = 0x65;
/** Setting this bit turns 'E' into 'e'. */
const LOWER_CASE_BIT = 0x20;

// Every power of ten up to 1e22 is an exact double.
const POWERS = Array.from({ length: 23 }, (_, power) => 10 ** power);
/** With at most 15 significant digits the digits form an exact integer below 2^53. */
const EXACT_DIGITS = 15;
const LARGEST_EXACT_POWER = 22;
/** Far past any exponent that could still matter; keeps the running exponent finite. */
const EXPONENT_CAP = 100_000;

function digitAt(bytes: Uint8Array, index: number): number {
  return bytes[index]! - DIGIT_0;
}

/**
 * The number written in bytes[start, end) in plain decimal notation (`-1.5`, `.28`, `3e-4`), or
 * NaN when the text is anything else or needs more than the fast path below can do exactly; the
 * caller then falls back to Number() on the decoded text.
 *
 * The fast path is Clinger's: with at most 15 significant digits the digits form an exact
 * integer, and with at most 22 powers of ten the scale is exact too, so one IEEE multiplication
 * or division rounds once, correctly, to the same double Number() returns.
 */
export function readDecimal(bytes: Uint8Array, start: number, end: number): number {
  let index = start;
  const sign = bytes[index];
  const negative = sign === MINUS;
  if (negative || sign === PLUS) index += 1;

  let mantissa = 0;
  let significantDigits = 0;
  let fractionDigits = 0;
  let sawDigit = false;
  let pointSeen = false;
  for (; index < end; index += 1) {
    const digit = digitAt(bytes, index);
    if (digit >= 0 && digit <= 9) {
      sawDigit = true;
      if (mantissa !== 0 || digit !== 0) significantDigits += 1;
      mantissa = mantissa * 10 + digit;
      if (pointSeen) fractionDigits += 1;
    } else if (bytes[index] === POINT && !pointSeen) {
      pointSeen = true;
    } else {
      break;
    }
  }
  if (!sawDigit || significantDigits > EXACT_DIGITS) return Number.NaN;

  let exponent = 0;
  if (index < end && (bytes[index]! | LOWER_CASE_BIT) === LOWER_E) {
    index += 1;
    const exponentSign = bytes[index];
    const negativeExponent = exponentSign === MINUS;
    if (negativeExponent || exponentSign === PLUS) index += 1;
    const firstDigit = index;
    for (; index < end; index += 1) {
      const digit = digitAt(bytes, index);
      if (digit < 0 || digit > 9) break;
      if (exponent < EXPONENT_CAP) exponent = exponent * 10 + digit;
    }
    if (index === firstDigit) return Number.NaN;
    if (negativeExponent) exponent = -exponent;
  }
  if (index !== end) return Number.NaN;

  const power = exponent - fractionDigits;
  let value: number;
  if (mantissa === 0) value = 0;
  else if (power >= 0 && power <= LARGEST_EXACT_POWER) value = mantissa * POWERS[power]!;
  else if (power < 0 && power >= -LARGEST_EXACT_POWER) value = mantissa / POWERS[-power]!;
  else return Number.NaN;
  return negative ? -value : value;
}

/** Digits from `index` on; returns where they stop and how many there were. */
function countDigits(bytes: Uint8Array, index: number, end: number): number {
  let at = index;
  while (at < end && digitAt(bytes, at) >= 0 && digitAt(bytes, at) <= 9) at += 1;
  return at - index;
}

/**
 * Whether bytes[start, end) is exactly String(Number(text)), so a writer may copy the bytes
 * instead of formatting the number again. True only for a sure subset: no exponent, no `+`, no
 * redundant zeros, at most 15 significant digits (which makes the digits the shortest ones that
 * read back to the same double, as String() picks them) and no value below 1e-6 (which String()
 * writes with an exponent). Anything else is false, and the writer formats the number itself.
 */
export function isCanonicalDecimal(bytes: Uint8Array, start: number, end: number): boolean {
  const negative = bytes[start] === MINUS;
  let index = negative ? start + 1 : start;
  if (index >= end) return false;
  if (bytes[index] === DIGIT_0) {
    // "0" itself; "-0" is written "0", and "0.000..." needs a non-zero digit and no more than
    // five zeros after the point.
    if (index + 1 === end) return !negative;
    if (bytes[index + 1] !== POINT) return false;
    index += 2;
    const zeros = countZeros(bytes, index, end);
    index += zeros;
    const digits = countDigits(bytes, index, end);
    return zeros <= 5 && digits > 0 && digits <= EXACT_DIGITS && index + digits === end
      && bytes[end - 1] !== DIGIT_0;
  }
  const integerDigits = countDigits(bytes, index, end);
  if (integerDigits === 0) return false;
  index += integerDigits;
  if (index === end) return integerDigits <= EXACT_DIGITS;
  if (bytes[index] !== POINT) return false;
  const fractionDigits = countDigits(bytes, index + 1, end);
  return fractionDigits > 0 && index + 1 + fractionDigits === end
    && integerDigits + fractionDigits <= EXACT_DIGITS && bytes[end - 1] !== DIGIT_0;
}

/**
 * isCanonicalDecimal for text already read as `-?digits(.digits)?` (the fast path of the row
 * reader), from what that reading found: where the digits start, the point (or -1), the end,
 * the digits as an integer and the number's magnitude.
 */
export function isCanonicalPlain(
  bytes: Uint8Array,
  digitsStart: number,
  pointAt: number,
  end: number,
  mantissa: number,
  magnitude: number,
): boolean {
  const integerDigits = (pointAt === -1 ? end : pointAt) - digitsStart;
  if (integerDigits === 0 || mantissa >= 1e15) return false;
  // A point needs decimals after it, and the last of them must not be a zero.
  if (pointAt !== -1 && (pointAt + 1 === end || bytes[end - 1] === DIGIT_0)) return false;
  if (bytes[digitsStart] !== DIGIT_0) return true;
  // A leading zero: "0" itself (not "-0"), or "0.xyz" from 1e-6 up; String() writes smaller
  // numbers with an exponent.
  if (integerDigits > 1) return false;
  if (pointAt === -1) return bytes[digitsStart - 1] !== MINUS;
  return magnitude >= 1e-6;
}

function countZeros(bytes: Uint8Array, index: number, end: number): number {
  let at = index;
  while (at < end && bytes[at] === DIGIT_0) at += 1;
  return at - index;
}
