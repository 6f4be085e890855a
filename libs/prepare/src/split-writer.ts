// Pass 2 over the raw file: re-reads every row and writes it to train.csv or test.csv, keeping
// file order, with features as plain numbers and the label as its class index.
import { join } from 'node:path';
import { PipelineError } from '@pipeline/errors';
import type { DatasetType, DatasetTypeOptions, RawRecord } from '@pipeline/dataset-types';
import type { Census } from './census.ts';
import { createCsvFileWriter, type CsvFileWriter } from './csv-file-writer.ts';
import { openFingerprinted } from './raw-file-input.ts';
import { createTestRowRouter, type SplitPlan } from './split-plan.ts';

export interface WrittenCounts {
  /** Rows per class, in the order of the census classes. */
  train: number[];
  test: number[];
}

export interface RawFileReading {
  datasetType: DatasetType;
  inputFile: string;
  options: DatasetTypeOptions;
}

function rawFileChanged(reading: RawFileReading): PipelineError {
  return new PipelineError('INVALID_INPUT', 'the raw file changed while prepare was reading it', {
    dataset: reading.options.dataset,
    file: reading.inputFile,
    hint: 'Make sure nothing else writes the raw file, then run prepare again.',
  });
}

async function routeRecords(
  records: AsyncIterable<RawRecord>,
  census: Census,
  plan: SplitPlan,
  writers: { train: CsvFileWriter; test: CsvFileWriter },
): Promise<WrittenCounts | undefined> {
  const classIndex = new Map(census.classes.map((name, index) => [name, index]));
  const isTestRow = createTestRowRouter(plan);
  const counts: WrittenCounts = {
    train: census.classes.map(() => 0),
    test: census.classes.map(() => 0),
  };
  for await (const record of records) {
    const label = classIndex.get(record.label);
    if (label === undefined) return undefined;
    const side = isTestRow(label) ? 'test' : 'train';
    counts[side][label]! += 1;
    const backlog = writers[side].write([...record.features.map(String), String(label)]);
    if (backlog) await backlog;
  }
  return counts;
}

/** Writes both files into `outputDir` and returns the rows per class on each side. */
export async function writeSplitFiles(
  reading: RawFileReading,
  census: Census,
  plan: SplitPlan,
  outputDir: string,
): Promise<WrittenCounts> {
  const train = createCsvFileWriter(join(outputDir, 'train.csv'));
  const test = createCsvFileWriter(join(outputDir, 'test.csv'));
  const raw = openFingerprinted(reading.inputFile);
  let counts: WrittenCounts | undefined;
  try {
    const header = [...census.featureNames, reading.options.targetColumn];
    await Promise.all([train.write(header), test.write(header)]);
    const opened = await reading.datasetType.open(raw.input, reading.options);
    counts = await routeRecords(opened.records, census, plan, { train, test });
    await Promise.all([train.close(), test.close()]);
  } catch (error) {
    train.abort();
    test.abort();
    throw error;
  }

  const sameBytes = raw.fingerprint().sha256 === census.input.sha256;
  if (counts === undefined || !sameBytes) throw rawFileChanged(reading);
  return counts;
}
