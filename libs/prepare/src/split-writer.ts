// The split: reads the rows the census encoded, in file order, and writes each one to train.csv
// or test.csv with its label id replaced by its class index. No number is parsed again; a row
// is found by its line end and its label id by the last comma.
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import type { Census } from './census.ts';
import { createCsvFileWriter, type CsvFileWriter } from './csv-file-writer.ts';
import { createTestRowRouter, type SplitPlan } from './split-plan.ts';

const READ_CHUNK_BYTES = 1 << 20;
const NEWLINE = 0x0a;
const COMMA = 0x2c;
const DIGIT_0 = 0x30;

export interface WrittenCounts {
  /** Rows per class, in the order of the census classes. */
  train: number[];
  test: number[];
}

interface Routing {
  /** Class index by label id. */
  classOfLabel: number[];
  classTexts: Buffer[];
  isTestRow: (classIndex: number) => boolean;
  writers: { train: CsvFileWriter; test: CsvFileWriter };
  counts: WrittenCounts;
}

function createRouting(census: Census, plan: SplitPlan, writers: Routing['writers']): Routing {
  const classIndex = new Map(census.classes.map((name, index) => [name, index]));
  return {
    classOfLabel: census.labelsById.map((label) => classIndex.get(label)!),
    classTexts: census.classes.map((_, index) => Buffer.from(`${index}\n`)),
    isTestRow: createTestRowRouter(plan),
    writers,
    counts: { train: census.classes.map(() => 0), test: census.classes.map(() => 0) },
  };
}

/** Routes the complete lines in bytes[0, end); each is `features,<label id>` or `<label id>`. */
function routeLines(bytes: Buffer, end: number, routing: Routing): void {
  let lineStart = 0;
  while (lineStart < end) {
    const lineEnd = bytes.indexOf(NEWLINE, lineStart);
    const comma = bytes.lastIndexOf(COMMA, lineEnd);
    const idStart = comma < lineStart ? lineStart : comma + 1;
    let id = 0;
    for (let at = idStart; at < lineEnd; at += 1) id = id * 10 + bytes[at]! - DIGIT_0;
    const label = routing.classOfLabel[id]!;
    const side = routing.isTestRow(label) ? 'test' : 'train';
    routing.counts[side][label]! += 1;
    routing.writers[side].writeBytes(bytes, lineStart, idStart);
    const classText = routing.classTexts[label]!;
    routing.writers[side].writeBytes(classText, 0, classText.length);
    lineStart = lineEnd + 1;
  }
}

async function routeFile(encodedFile: string, routing: Routing): Promise<void> {
  let pending: Buffer = Buffer.alloc(0);
  const { writers } = routing;
  for await (const chunk of createReadStream(encodedFile, { highWaterMark: READ_CHUNK_BYTES })) {
    pending = pending.length === 0 ? (chunk as Buffer) : Buffer.concat([pending, chunk as Buffer]);
    const end = pending.lastIndexOf(NEWLINE) + 1;
    routeLines(pending, end, routing);
    pending = pending.subarray(end);
    await Promise.all([writers.train.flushIfFull(), writers.test.flushIfFull()]);
  }
}

export interface SplitFiles {
  /** The rows as the census encoded them. */
  encodedFile: string;
  census: Census;
  plan: SplitPlan;
  targetColumn: string;
  outputDir: string;
}

/** Writes train.csv and test.csv and returns the rows per class on each side. */
export async function writeSplitFiles(split: SplitFiles): Promise<WrittenCounts> {
  const { census, outputDir } = split;
  const writers: Partial<Routing['writers']> = {};
  try {
    writers.train = await createCsvFileWriter(join(outputDir, 'train.csv'));
    writers.test = await createCsvFileWriter(join(outputDir, 'test.csv'));
    const routing = createRouting(census, split.plan, { train: writers.train, test: writers.test });
    const header = [...census.featureNames, split.targetColumn];
    writers.train.writeHeader(header);
    writers.test.writeHeader(header);
    await routeFile(split.encodedFile, routing);
    await Promise.all([writers.train.close(), writers.test.close()]);
    return routing.counts;
  } catch (error) {
    await Promise.all([writers.train?.abort(), writers.test?.abort()]);
    throw error;
  }
}
