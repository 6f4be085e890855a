// Decides the columns of a raw file and which one is the target; the rest are numeric features.
import { closest, distance } from 'fastest-levenshtein';
import { PipelineError } from '@pipeline/errors';

export interface ColumnLayout {
  columns: string[];
  targetIndex: number;
  featureNames: string[];
}

interface LayoutPlace {
  dataset: string;
  file: string;
  line?: number;
}

function checkColumnNames(columns: string[], place: LayoutPlace): void {
  const seen = new Set<string>();
  for (const [index, name] of columns.entries()) {
    const problem = name === '' ? 'has no name' : seen.has(name) ? `repeats '${name}'` : undefined;
    if (problem) {
      throw new PipelineError('INVALID_INPUT', `column ${index + 1} ${problem}`, {
        ...place,
        column: place.line === undefined ? undefined : index + 1,
        hint: 'Give every column a distinct name (the header row or `columns` of the entry).',
      });
    }
    seen.add(name);
  }
}

/** A header read whole as one column usually means the file uses another delimiter. */
function delimiterHint(columns: string[]): string | undefined {
  if (columns.length !== 1) return undefined;
  const found = [';', '\t', '|'].find((candidate) => columns[0]!.includes(candidate));
  if (found === undefined) return undefined;
  const shown = found === '\t' ? '"\\t"' : `'${found}'`;
  return `The header was read as one column: set \`delimiter: ${shown}\` in the entry.`;
}

function unknownTarget(columns: string[], targetColumn: string, place: LayoutPlace) {
  const suggestion = closest(targetColumn, columns);
  // A guess only helps when it is close; otherwise the list of columns says more.
  const close = distance(targetColumn, suggestion) <= Math.max(2, targetColumn.length / 2);
  const guess = close ? `Did you mean '${suggestion}'? ` : '';
  const hint =
    delimiterHint(columns) ?? `${guess}Fix \`target_column\` of the entry in datasets.yaml.`;
  return new PipelineError(
    'UNKNOWN_TARGET_COLUMN',
    `the target column '${targetColumn}' is not one of the columns: ${columns.join(', ')}`,
    {
      ...place,
      field: 'target_column',
      hint,
    },
  );
}

export function layoutColumns(
  columns: string[],
  targetColumn: string,
  place: LayoutPlace,
): ColumnLayout {
  checkColumnNames(columns, place);
  const targetIndex = columns.indexOf(targetColumn);
  if (targetIndex === -1) throw unknownTarget(columns, targetColumn, place);
  const featureNames = columns.filter((_, index) => index !== targetIndex);
  return { columns, targetIndex, featureNames };
}

/** A header row must agree with the `columns` of the entry when both are given. */
export function checkHeaderAgrees(header: string[], columns: string[], place: LayoutPlace): void {
  const differs = header.length !== columns.length || header.some((name, i) => name !== columns[i]);
  if (!differs) return;
  throw new PipelineError(
    'INVALID_INPUT',
    `the header (${header.join(', ')}) does not match the columns of the entry ` +
      `(${columns.join(', ')})`,
    {
      ...place,
      field: 'columns',
      hint: 'Fix `columns` of the entry in datasets.yaml, or remove it to use the header.',
    },
  );
}
