// Streams the rows of a prepared split (train.csv or test.csv): features then the class index.
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { PipelineError } from '@pipeline/errors';
import type { PreparedSchema } from './prepared-schema.ts';

export interface PreparedRow {
  features: Float64Array;
  classIndex: number;
}

function checkHeader(header: string[], schema: PreparedSchema, file: string) {
  const expected = [...schema.features, schema.targetColumn];
  if (header.join(',') !== expected.join(',')) {
    throw new PipelineError('INVALID_INPUT', `the header does not match schema.json`, {
      dataset: schema.dataset, file, line: 1,
      hint: `Run \`nx run ${schema.dataset}:prepare\` again to rewrite both files.`,
    });
  }
}

function toRow(record: string[], schema: PreparedSchema, file: string, line: number): PreparedRow {
  const featureCount = schema.features.length;
  const features = new Float64Array(featureCount);
  for (let i = 0; i < featureCount; i += 1) features[i] = Number(record[i]);
  const classIndex = Number(record[featureCount]);
  const valid = record.length === featureCount + 1 && features.every(Number.isFinite)
    && Number.isInteger(classIndex) && classIndex >= 0 && classIndex < schema.classes.length;
  if (!valid) {
    throw new PipelineError('INVALID_INPUT', 'not a row as prepare writes it', {
      dataset: schema.dataset, file, line,
      hint: `Run \`nx run ${schema.dataset}:prepare\` again.`,
    });
  }
  return { features, classIndex };
}

export async function* readPreparedRows(
  file: string,
  schema: PreparedSchema,
): AsyncGenerator<PreparedRow> {
  const parser = createReadStream(file).pipe(parse({ info: true }));
  let isHeader = true;
  for await (const { record, info } of parser as AsyncIterable<{
    record: string[];
    info: { lines: number };
  }>) {
    if (isHeader) {
      checkHeader(record, schema, file);
      isHeader = false;
      continue;
    }
    yield toRow(record, schema, file, info.lines);
  }
}
