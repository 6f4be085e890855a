// Building blocks for reading proto3 JSON strictly, as protojson does with unknown fields
// rejected: every field optional, no field outside the message, at most one field per oneof.
// Stricter than protojson where that costs nothing: only the lowerCamelCase field names, enum
// names rather than numbers, and no nulls.
import { z } from 'zod';

/** A proto3 message: `fields` are its JSON names; each group in `oneofs` is one oneof. */
export function message<Fields extends z.ZodRawShape>(fields: Fields, oneofs: string[][] = []) {
  return z
    .strictObject(fields)
    .partial()
    .superRefine((value, context) => {
      for (const group of oneofs) {
        const set = group.filter(
          (field) => (value as Record<string, unknown>)[field] !== undefined,
        );
        if (set.length > 1) {
          context.addIssue({
            code: 'custom',
            message: `${set.join(' and ')} are one oneof: set at most one of them`,
          });
        }
      }
    });
}

export const int32 = z
  .number()
  .int()
  .min(-(2 ** 31))
  .max(2 ** 31 - 1);

/** protojson writes 64-bit integers as strings and reads numbers too. */
export const int64 = z.union([z.number().int(), z.string().regex(/^-?\d+$/)]);

export const double = z.number();

/** google.protobuf.Value: any JSON value. */
export const protobufValue = z.json();

/** google.protobuf.Struct: a JSON object. */
export const protobufStruct = z.record(z.string(), z.json());

/** google.protobuf.Duration in JSON: seconds with up to nine decimals and an `s`, e.g. "3.5s". */
export const protobufDuration = z
  .string()
  .regex(/^-?\d+(\.\d{1,9})?s$/, 'a duration such as "30s"');

export const map = <Value extends z.ZodType>(value: Value) => z.record(z.string(), value);
