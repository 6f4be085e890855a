// The fields of fast-rows.ts: a feature read straight from its bytes, the common
// `-?digits(.digits)?` inline and anything else through readDecimal, and the label's bounds.
import { isCanonicalDecimal, isCanonicalPlain, readDecimal } from './decimal-text.ts';
import type { BatchBuilder } from './record-batch.ts';

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const SPACE = 0x20;
const MINUS = 0x2d;
const POINT = 0x2e;
const DIGIT_0 = 0x30;
// Every power of ten up to 1e22 is an exact double.
const EXACT_POWERS_OF_TEN = Array.from({ length: 23 }, (_, power) => 10 ** power);

/** Space, tab, vertical tab and form feed: what both trims take off, byte for byte. */
function isBlankByte(byte: number): boolean {
  return byte === SPACE || (byte >= 0x09 && byte <= 0x0c && byte !== NEWLINE);
}

// Reused by every call below, so that reading a field allocates nothing.
const trimmed = { first: 0, last: 0 };
/** The trimmed bounds of the last label found by findLabel. */
export const label = { first: 0, last: 0 };

/** Where the field at `start` ends (a delimiter, \r, \n or `end`); its trimmed bounds too. */
function findField(bytes: Buffer, start: number, end: number, delimiter: number): number {
  let fieldEnd = start;
  for (; fieldEnd < end; fieldEnd += 1) {
    const byte = bytes[fieldEnd]!;
    if (byte === delimiter || byte === NEWLINE || byte === CARRIAGE_RETURN) break;
  }
  let first = start;
  let last = fieldEnd;
  while (first < last && isBlankByte(bytes[first]!)) first += 1;
  while (last > first && isBlankByte(bytes[last - 1]!)) last -= 1;
  trimmed.first = first;
  trimmed.last = last;
  return fieldEnd;
}

export function findLabel(bytes: Buffer, start: number, end: number, delimiter: number): number {
  const fieldEnd = findField(bytes, start, end, delimiter);
  label.first = trimmed.first;
  label.last = trimmed.last;
  return fieldEnd;
}

/** Reads the feature at `start` into value `at`; returns where it ends, or -1 if not a number. */
export function readFeature(
  bytes: Buffer,
  start: number,
  end: number,
  at: number,
  batch: BatchBuilder,
  delimiter: number,
): number {
  const spans = batch.featureText?.spans;
  // The common case inline: -?digits(.digits)? right up to the delimiter or line end. Written
  // out here rather than called: as a shared function it cost prepare a tenth at 1M rows.
  const negative = bytes[start] === MINUS;
  const digitsStart = negative ? start + 1 : start;
  let mantissa = 0;
  let index = digitsStart;
  let pointAt = -1;
  let byte = bytes[index]!;
  for (;;) {
    const digit = byte - DIGIT_0;
    if (digit >= 0 && digit <= 9) mantissa = mantissa * 10 + digit;
    else if (byte === POINT && pointAt === -1) pointAt = index;
    else break;
    byte = bytes[++index]!;
  }
  const decimals = pointAt === -1 ? 0 : index - pointAt - 1;
  const digits = index - digitsStart - (pointAt === -1 ? 0 : 1);
  if (digits > 0 && decimals <= 22 && mantissa <= Number.MAX_SAFE_INTEGER
    && (byte === delimiter || byte === NEWLINE || byte === CARRIAGE_RETURN)) {
    const magnitude = mantissa / EXACT_POWERS_OF_TEN[decimals]!;
    batch.values[at] = negative ? -magnitude : magnitude;
    if (spans) {
      const canonical = isCanonicalPlain(bytes, digitsStart, pointAt, index, mantissa, magnitude);
      spans[at * 2] = canonical ? start : -1;
      spans[at * 2 + 1] = index;
    }
    return index;
  }
  const fieldEnd = findField(bytes, start, end, delimiter);
  const { first, last } = trimmed;
  const value = readDecimal(bytes, first, last);
  if (Number.isNaN(value)) return -1;
  batch.values[at] = value;
  if (spans) {
    spans[at * 2] = isCanonicalDecimal(bytes, first, last) ? first : -1;
    spans[at * 2 + 1] = last;
  }
  return fieldEnd;
}
