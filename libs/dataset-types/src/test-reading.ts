// Test support: reads text or a file through a dataset type and collects what comes out.
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import type { DatasetTypeOptions, RawInput, RawRecord } from './dataset-type.ts';
import { getDatasetType } from './dataset-type-list.ts';

export interface ReadResult {
  featureNames: string[];
  records: RawRecord[];
}

export function textInput(text: string, file = 'raw.csv'): RawInput {
  return { file, stream: Readable.from([Buffer.from(text)]) };
}

export function fileInput(path: string): RawInput {
  return { file: basename(path), stream: createReadStream(path) };
}

export async function readAll(
  typeName: string,
  input: RawInput,
  options: Omit<DatasetTypeOptions, 'dataset'> & { dataset?: string },
): Promise<ReadResult> {
  const opened = await getDatasetType(typeName).open(input, { dataset: 'sample', ...options });
  const records: RawRecord[] = [];
  for await (const record of opened.records) records.push(record);
  return { featureNames: opened.featureNames, records };
}

export function countByLabel(records: RawRecord[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { label } of records) counts[label] = (counts[label] ?? 0) + 1;
  return counts;
}
