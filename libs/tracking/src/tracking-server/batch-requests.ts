// Turns a batch of params, metrics and tags into `runs/log-batch` bodies that each stay inside
// the tracking server's limits; values too long for the server are cut short with a warning.
import { assertValidEntityKey } from '../entity-keys.ts';
import type { LogBatch, MetricPoint } from '../tracking-backend.ts';
import { toRestJson } from './rest-json.ts';

/** The limits MLflow's servers enforce on one log-batch request. */
export const LOG_BATCH_LIMITS = {
  params: 100,
  tags: 100,
  metrics: 1000,
  entities: 1000,
  bytes: 1_000_000,
} as const;

/** Longest values every MLflow 2.x and 3.x server accepts, counted in characters. */
export const VALUE_LIMITS = { param: 6000, tag: 5000 } as const;

interface KeyValue {
  key: string;
  value: string;
}

export interface LogBatchBody {
  run_id: string;
  params: KeyValue[];
  metrics: MetricPoint[];
  tags: KeyValue[];
}

type Kind = 'params' | 'metrics' | 'tags';

/** Key-value pairs for the server, values cut to its limit with a warning for each cut. */
export function truncatedValues(
  kind: 'param' | 'tag',
  entries: Record<string, string>,
  warn: (message: string) => void,
): KeyValue[] {
  const limit = VALUE_LIMITS[kind];
  return Object.entries(entries).map(([key, value]) => {
    assertValidEntityKey(kind, key);
    const characters = Array.from(value);
    if (characters.length <= limit) return { key, value };
    warn(
      `${kind} '${key}' is ${characters.length} characters long; ` +
        `logged only its first ${limit}, the tracking server's limit`,
    );
    return { key, value: characters.slice(0, limit).join('') };
  });
}

function emptyBody(runId: string): LogBatchBody {
  return { run_id: runId, params: [], metrics: [], tags: [] };
}

function bytesOf(value: unknown): number {
  return Buffer.byteLength(toRestJson(value));
}

/** Fills requests in order, starting a new one when the next value would break a limit. */
export function logBatchBodies(
  runId: string,
  batch: LogBatch,
  warn: (message: string) => void,
): LogBatchBody[] {
  for (const metric of batch.metrics ?? []) assertValidEntityKey('metric', metric.key);
  const items: (readonly [Kind, KeyValue | MetricPoint])[] = [
    ...truncatedValues('param', batch.params ?? {}, warn).map((item) => ['params', item] as const),
    ...truncatedValues('tag', batch.tags ?? {}, warn).map((item) => ['tags', item] as const),
    ...(batch.metrics ?? []).map((item) => ['metrics', item] as const),
  ];
  const bodies: LogBatchBody[] = [];
  let body = emptyBody(runId);
  let bytes = bytesOf(body);
  let entities = 0;
  for (const [kind, item] of items) {
    // One byte more than the item for the comma that separates it from its neighbour.
    const itemBytes = bytesOf(item) + 1;
    const full =
      body[kind].length >= LOG_BATCH_LIMITS[kind] ||
      entities >= LOG_BATCH_LIMITS.entities ||
      bytes + itemBytes > LOG_BATCH_LIMITS.bytes;
    if (full && entities > 0) {
      bodies.push(body);
      body = emptyBody(runId);
      bytes = bytesOf(body);
      entities = 0;
    }
    (body[kind] as (KeyValue | MetricPoint)[]).push(item);
    bytes += itemBytes;
    entities += 1;
  }
  if (entities > 0) bodies.push(body);
  return bodies;
}
