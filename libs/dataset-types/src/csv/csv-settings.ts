// Resolves header, columns and delimiter for one read: a preset fixes them, the generic `csv`
// type takes them from the entry.
import { PipelineError } from '@pipeline/errors';
import type { DatasetTypeOptions } from '../dataset-type.ts';

/** The fixed layout of a well-known file: no header, known columns. */
export interface CsvPreset {
  columns: string[];
  delimiter: string;
}

export interface CsvSettings {
  header: boolean;
  /** Undefined only when the header names the columns. */
  columns: string[] | undefined;
  delimiter: string;
}

function invalid(message: string, dataset: string, field: string, hint: string) {
  return new PipelineError('INVALID_INPUT', message, { dataset, field, hint });
}

function checkDelimiter(delimiter: string, dataset: string): void {
  if (delimiter !== '' && !/["\r\n]/.test(delimiter)) return;
  throw invalid(
    `the delimiter ${JSON.stringify(delimiter)} cannot separate fields`,
    dataset,
    'delimiter',
    'Set `delimiter` of the entry to a character such as "," or ";".',
  );
}

function presetConflicts(preset: CsvPreset, options: DatasetTypeOptions): string[] {
  const conflicts: string[] = [];
  if (options.header === true) conflicts.push('header');
  const columns = options.columns;
  const sameColumns =
    columns === undefined ||
    (columns.length === preset.columns.length &&
      columns.every((name, index) => name === preset.columns[index]));
  if (!sameColumns) conflicts.push('columns');
  if (options.delimiter !== undefined && options.delimiter !== preset.delimiter) {
    conflicts.push('delimiter');
  }
  return conflicts;
}

function presetSettings(name: string, preset: CsvPreset, options: DatasetTypeOptions): CsvSettings {
  const conflicts = presetConflicts(preset, options);
  if (conflicts.length > 0) {
    const keys = conflicts.join(', ');
    throw invalid(
      `dataset type '${name}' has a fixed layout and does not take ${keys}`,
      options.dataset,
      conflicts[0]!,
      `Remove ${keys} from the entry, or use dataset type 'csv'.`,
    );
  }
  return { header: false, columns: preset.columns, delimiter: preset.delimiter };
}

export function resolveCsvSettings(
  name: string,
  preset: CsvPreset | undefined,
  options: DatasetTypeOptions,
): CsvSettings {
  if (preset) return presetSettings(name, preset, options);
  const header = options.header ?? true;
  const delimiter = options.delimiter ?? ',';
  checkDelimiter(delimiter, options.dataset);
  if (!header && options.columns === undefined) {
    throw invalid(
      'a raw file without a header needs the column names',
      options.dataset,
      'columns',
      'Add `columns` to the entry, or set `header: true` if the first row names the columns.',
    );
  }
  return { header, columns: options.columns, delimiter };
}
