// Params, metrics and tags of a run: one file per key under params/, metrics/ and tags/.
// Temporary files are staged in the run folder, which MLflow never lists as values.
import { join } from 'node:path';
import { PipelineError } from '@pipeline/errors';
import { assertValidEntityKey } from '../entity-keys.ts';
import { formatPythonFloat } from '../python-formatting.ts';
import type { MetricPoint } from '../tracking-backend.ts';
import { readOptionalText, writeStoreFile } from './store-files.ts';

async function writeValueFiles(runDir: string, folder: string, values: Record<string, string>) {
  for (const [key, value] of Object.entries(values)) {
    await writeStoreFile(join(runDir, folder, key), value, runDir);
  }
}

/** MLflow forbids changing a logged param; the whole batch is checked before any is written. */
export async function writeParams(runDir: string, params: Record<string, string>) {
  for (const [key, value] of Object.entries(params)) {
    assertValidEntityKey('param', key);
    const logged = await readOptionalText(join(runDir, 'params', key));
    if (logged === undefined || logged === value) continue;
    throw new PipelineError(
      'TRACKING_FAILED',
      `param '${key}' was already logged as '${logged}' in this run; MLflow does not allow ` +
        `changing it to '${value}'`,
      { field: key, hint: 'Log the new value in a new run, or under another param name.' },
    );
  }
  await writeValueFiles(runDir, 'params', params);
}

export async function writeTags(runDir: string, tags: Record<string, string>) {
  for (const key of Object.keys(tags)) assertValidEntityKey('tag', key);
  await writeValueFiles(runDir, 'tags', tags);
}

export async function readTag(runDir: string, key: string): Promise<string | undefined> {
  assertValidEntityKey('tag', key);
  return readOptionalText(join(runDir, 'tags', key));
}

function assertValidMetric(metric: MetricPoint): void {
  assertValidEntityKey('metric', metric.key);
  if (Number.isInteger(metric.step) && Number.isInteger(metric.timestamp)) return;
  throw new PipelineError(
    'TRACKING_FAILED',
    `metric '${metric.key}' needs a whole-number step and timestamp`,
    {
      field: metric.key,
      hint: 'This is a bug in the step that logs the metric; please report it.',
    },
  );
}

/**
 * Each metric file is rewritten whole with the new lines appended, so a reader never sees half a
 * line; callers serialise writes to one run.
 */
export async function appendMetrics(runDir: string, metrics: MetricPoint[]) {
  const linesByKey = new Map<string, string[]>();
  for (const metric of metrics) {
    assertValidMetric(metric);
    const lines = linesByKey.get(metric.key) ?? [];
    lines.push(`${metric.timestamp} ${formatPythonFloat(metric.value)} ${metric.step}\n`);
    linesByKey.set(metric.key, lines);
  }
  for (const [key, lines] of linesByKey) {
    const path = join(runDir, 'metrics', key);
    const existing = (await readOptionalText(path)) ?? '';
    await writeStoreFile(path, existing + lines.join(''), runDir);
  }
}
