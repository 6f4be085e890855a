// Reads datasets.yaml: syntax and file-level problems throw; entry problems are kept per dataset,
// so one broken entry does not stop the others from running.
import { readFileSync } from 'node:fs';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { PipelineError } from '@pipeline/errors';
import { DATASET_NAME_PATTERN, type DatasetEntry } from './dataset-entry.ts';
import { problemsToError, type RegistryProblem } from './registry-problem.ts';
import { validateEntry } from './validate-entry.ts';
import { keyPosition } from './yaml-positions.ts';

export interface Registry {
  file: string;
  /** Dataset names in file order, valid or not. */
  names: string[];
  entries: Map<string, DatasetEntry>;
  problems: Map<string, RegistryProblem[]>;
}

function readRegistryText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (cause) {
    throw new PipelineError('REGISTRY_NOT_FOUND', 'cannot read the dataset registry', {
      file,
      hint: 'Run from the workspace root, next to datasets.yaml.',
      cause,
    });
  }
}

function parseRegistry(file: string, text: string): { doc: Document; lines: LineCounter } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const syntax = doc.errors[0];
  if (syntax) {
    const { line, col } = lines.linePos(syntax.pos[0]);
    throw new PipelineError('REGISTRY_SYNTAX', `not valid YAML: ${syntax.message.split('\n')[0]}`, {
      file,
      line,
      column: col,
      hint: 'Fix the YAML syntax at that line and run again.',
    });
  }
  return { doc, lines };
}

function datasetNames(file: string, doc: Document, lines: LineCounter): string[] {
  const datasets = doc.get('datasets', true);
  const extraKey = isMap(doc.contents)
    ? doc.contents.items
        .map((item) => String((item.key as { value?: unknown })?.value))
        .find((key) => key !== 'datasets')
    : undefined;
  if (!isMap(datasets) || extraKey !== undefined) {
    const position = extraKey ? keyPosition(doc, lines, [], extraKey) : undefined;
    throw new PipelineError(
      'REGISTRY_INVALID',
      extraKey ? `unknown top-level key '${extraKey}'` : "the file must have a 'datasets:' map",
      {
        file,
        line: position?.line,
        column: position?.column,
        hint: 'The registry has one top-level key, `datasets:`, mapping each name to its entry.',
      },
    );
  }
  return datasets.items.map((item) => {
    const name = isScalar(item.key) ? String(item.key.value) : '';
    if (!DATASET_NAME_PATTERN.test(name)) {
      const position = keyPosition(doc, lines, ['datasets'], name);
      throw new PipelineError('REGISTRY_INVALID', `'${name}' is not a valid dataset name`, {
        file,
        line: position?.line,
        column: position?.column,
        field: 'datasets',
        hint: 'Use lowercase letters, digits, - and _: it becomes an Nx project and a folder.',
      });
    }
    return name;
  });
}

export function loadRegistry(file: string): Registry {
  const { doc, lines } = parseRegistry(file, readRegistryText(file));
  const names = datasetNames(file, doc, lines);
  const values = (doc.toJS() as { datasets: Record<string, unknown> }).datasets;
  const registry: Registry = { file, names, entries: new Map(), problems: new Map() };
  for (const dataset of names) {
    const result = validateEntry(values[dataset], { doc, lines, dataset });
    if ('entry' in result) registry.entries.set(dataset, result.entry);
    else registry.problems.set(dataset, result.problems);
  }
  return registry;
}

/** The entry of one dataset, or the error that explains why it cannot be used. */
export function requireEntry(registry: Registry, dataset: string): DatasetEntry {
  const problems = registry.problems.get(dataset);
  if (problems) throw problemsToError(registry.file, problems);
  const entry = registry.entries.get(dataset);
  if (!entry) {
    throw new PipelineError('DATASET_NOT_REGISTERED', `no dataset '${dataset}' in the registry`, {
      dataset,
      file: registry.file,
      hint: `Registered datasets: ${registry.names.join(', ') || 'none'}.`,
    });
  }
  return entry;
}
