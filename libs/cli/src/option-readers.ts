// Typed reads of CLI option values, with errors that name the option.
import { PipelineError } from '@pipeline/errors';
import type { OptionValues } from './read-options-file.ts';

export function requiredString(values: OptionValues, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') {
    throw new PipelineError('USAGE', `missing required option --${name}`, { field: name });
  }
  return value;
}

export function optionalString(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function optionalNumber(values: OptionValues, name: string): number | undefined {
  const text = optionalString(values, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) {
    throw new PipelineError('USAGE', `--${name} must be a number, got '${text}'`, { field: name });
  }
  return value;
}

export function optionalBoolean(values: OptionValues, name: string): boolean | undefined {
  const value = values[name];
  if (value === undefined) return undefined;
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new PipelineError('USAGE', `--${name} must be true or false, got '${value}'`, {
    field: name,
  });
}
