// Validates one entry with the schema and turns each schema issue into a located problem.
import type { Document, LineCounter } from 'yaml';
import type { z } from 'zod';
import { DATASET_TYPE_NAMES } from '@pipeline/dataset-types';
import { defaultExperimentName, type DatasetEntry } from './dataset-entry.ts';
import { createEntrySchema, ENTRY_KEYS, NESTED_KEYS } from './entry-schema.ts';
import type { RegistryProblem } from './registry-problem.ts';
import { closestMatch } from './suggest-key.ts';
import { keyPosition, valuePosition } from './yaml-positions.ts';

const entrySchema = createEntrySchema(DATASET_TYPE_NAMES as unknown as [string, ...string[]]);
const CSV_ONLY_KEYS = ['header', 'columns', 'delimiter'] as const;

interface Located {
  doc: Document;
  lines: LineCounter;
  dataset: string;
}

const EXPECTED_WORDING: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  object: 'a mapping of keys to values',
  array: 'a list',
};

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code !== 'invalid_type') return issue.message.replace(/^Invalid input: /, '');
  if (issue.input === undefined) return 'is required';
  const expected = EXPECTED_WORDING[issue.expected] ?? issue.expected;
  const given = Array.isArray(issue.input) ? 'a list' : `'${String(issue.input)}'`;
  const quote = issue.expected === 'string' ? '; put it in quotes' : '';
  return `must be ${expected}, got ${given}${quote}`;
}

function issueToProblems(issue: z.core.$ZodIssue, at: Located): RegistryProblem[] {
  const entryPath = ['datasets', at.dataset];
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    const valid = path.length === 0 ? ENTRY_KEYS : (NESTED_KEYS[path.join('.')] ?? []);
    return issue.keys.map((key) => {
      const suggestion = closestMatch(key, valid);
      const hint = suggestion ? `did you mean '${suggestion}'?` : `valid keys: ${valid.join(', ')}`;
      return locate(at, [...path, key], `is not a known key; ${hint}`, () =>
        keyPosition(at.doc, at.lines, [...entryPath, ...path], key),
      );
    });
  }
  if (issue.code === 'invalid_value') {
    const allowed = issue.values.map(String);
    const given = String(at.doc.getIn([...entryPath, ...path]));
    const suggestion = closestMatch(given, allowed);
    const hint = suggestion ? `did you mean '${suggestion}'?` : `use one of ${allowed.join(', ')}`;
    return [locate(at, path, `'${given}' is not allowed; ${hint}`)];
  }
  return [locate(at, path, describeIssue(issue))];
}

function locate(
  at: Located,
  path: string[],
  message: string,
  find = () => valuePosition(at.doc, at.lines, ['datasets', at.dataset, ...path]),
): RegistryProblem {
  const position = find();
  return {
    dataset: at.dataset,
    field: path.join('.') || undefined,
    line: position?.line,
    column: position?.column,
    message,
  };
}

function toEntry(name: string, raw: z.output<typeof entrySchema>): DatasetEntry {
  return {
    name,
    url: raw.url,
    sha256: raw.sha256,
    targetColumn: raw.target_column,
    datasetType: raw.dataset_type,
    experimentName: raw.experiment_name ?? defaultExperimentName(name),
    header: raw.header,
    columns: raw.columns,
    delimiter: raw.delimiter,
    split: { testSize: raw.split.test_size, seed: raw.split.seed, stratify: raw.split.stratify },
    model: { type: raw.model.type, params: { ...raw.model.params } },
  };
}

export function validateEntry(
  value: unknown,
  at: Located,
): { entry: DatasetEntry } | { problems: RegistryProblem[] } {
  const result = entrySchema.safeParse(value, { reportInput: true });
  if (!result.success) {
    const problems = result.error.issues.flatMap((issue) => issueToProblems(issue, at));
    return { problems: problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
  }
  const misplaced = CSV_ONLY_KEYS.filter(
    (key) => result.data.dataset_type !== 'csv' && result.data[key] !== undefined,
  );
  if (misplaced.length > 0) {
    const type = result.data.dataset_type;
    const message = `only applies to dataset_type 'csv'; the '${type}' type fixes it`;
    return { problems: misplaced.map((key) => locate(at, [key], message)) };
  }
  return { entry: toEntry(at.dataset, result.data) };
}
