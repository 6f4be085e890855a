// Turns one row of text fields into a record: numeric features plus the class label.
// Only numeric features are supported; text columns other than the target are rejected here.
import { PipelineError } from '@pipeline/errors';
import type { RawRecord } from '../dataset-type.ts';
import type { ColumnLayout } from './column-layout.ts';
import type { RawRow } from './raw-rows.ts';

// Plain decimal notation only, so hex ("0x1A"), "Infinity" and the like are not read as numbers.
const DECIMAL_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

const ROW_HINT =
  'Only numeric features are supported: fix or remove that row of the raw file, ' +
  'or check `delimiter` and `target_column` of the entry.';

export interface RowPlace {
  dataset: string;
  file: string;
}

/** Where a bad field sits: its row, and its 1-based column number and name. */
interface FieldPlace {
  row: RawRow;
  index: number;
  name: string;
}

function shown(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

function badField(message: string, at: FieldPlace, place: RowPlace): PipelineError {
  return new PipelineError('MALFORMED_ROW', message, {
    ...place,
    line: at.row.line,
    column: at.index + 1,
    field: at.name,
    hint: ROW_HINT,
  });
}

function parseFeature(text: string, at: FieldPlace, place: RowPlace): number {
  if (text === '') throw badField(`column '${at.name}' is empty`, at, place);
  const value = DECIMAL_NUMBER.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(value)) {
    const message = `column '${at.name}' holds '${shown(text)}', which is not a finite number`;
    throw badField(message, at, place);
  }
  return value;
}

export function rowToRecord(row: RawRow, layout: ColumnLayout, place: RowPlace): RawRecord {
  const { columns, targetIndex } = layout;
  if (row.fields.length !== columns.length) {
    const message =
      `expected ${columns.length} fields (${columns.join(', ')}), found ${row.fields.length}`;
    throw new PipelineError('MALFORMED_ROW', message, { ...place, line: row.line, hint: ROW_HINT });
  }

  const label = row.fields[targetIndex]!;
  if (label === '') {
    const at = { row, index: targetIndex, name: columns[targetIndex]! };
    throw badField(`the target column '${at.name}' is empty`, at, place);
  }

  const features: number[] = [];
  for (let index = 0; index < columns.length; index += 1) {
    if (index === targetIndex) continue;
    features.push(parseFeature(row.fields[index]!, { row, index, name: columns[index]! }, place));
  }
  return { line: row.line, features, label };
}
