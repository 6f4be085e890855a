// The delimited-text reader behind every dataset type: the generic `csv` type and the presets
// (iris, wine) that fix the columns of one well-known file.
import { PipelineError } from '@pipeline/errors';
import type {
  BatchOptions,
  DatasetType,
  DatasetTypeOptions,
  OpenedDataset,
  RawInput,
  RawRecord,
  RecordBatch,
} from '../dataset-type.ts';
import type { ColumnLayout } from './column-layout.ts';
import { createCsvReader, type CsvReader } from './csv-reader.ts';
import { resolveCsvSettings, type CsvPreset } from './csv-settings.ts';
import { recordsOfBatch } from './record-batch.ts';
import { createRowChecker, type RowChecker } from './row-checker.ts';
import type { RowPlace } from './row-to-record.ts';

function emptyFile(place: RowPlace, afterHeader: boolean): PipelineError {
  const message = afterHeader
    ? 'the raw file has a header but no data rows'
    : 'the raw file has no rows';
  return new PipelineError('EMPTY_FILE', message, {
    ...place,
    hint: 'Check the source of the raw file, and ingest it again once it holds data rows.',
  });
}

async function* checkedBatches(
  batches: AsyncGenerator<RecordBatch>,
  place: RowPlace,
  afterHeader: boolean,
): AsyncGenerator<RecordBatch> {
  let count = 0;
  for await (const batch of batches) {
    count += batch.size;
    yield batch;
  }
  if (count === 0) throw emptyFile(place, afterHeader);
}

/** The columns: from the entry, or from the header row, which csv-parse may have checked. */
async function layoutFor(reader: CsvReader, checker: RowChecker, place: RowPlace) {
  if (checker.layout) return checker.layout;
  const header = await reader.firstRow();
  if (!header) throw emptyFile(place, false);
  if (!checker.layout) checker.check(header);
  return checker.layout!;
}

function openedRows(reader: CsvReader, layout: ColumnLayout, place: RowPlace, header: boolean) {
  let taken = false;
  const batches = (options: BatchOptions = {}) => {
    if (taken) throw new Error('the rows of an opened dataset can be read only once');
    taken = true;
    return checkedBatches(reader.batches(layout, options.featureText ?? false), place, header);
  };
  const records: AsyncIterable<RawRecord> = {
    async *[Symbol.asyncIterator]() {
      for await (const batch of batches()) yield* recordsOfBatch(batch);
    },
  };
  return { batches, records };
}

export function createCsvDatasetType(name: string, preset?: CsvPreset): DatasetType {
  return {
    name,
    async open(input: RawInput, options: DatasetTypeOptions): Promise<OpenedDataset> {
      const place = { dataset: options.dataset, file: input.file };
      let reader: CsvReader | undefined;
      try {
        const settings = resolveCsvSettings(name, preset, options);
        const checker = createRowChecker(settings, options.targetColumn, place);
        reader = createCsvReader(input, settings.delimiter, place, checker.check);
        const layout = await layoutFor(reader, checker, place);
        const rows = openedRows(reader, layout, place, settings.header);
        return { featureNames: layout.featureNames, ...rows };
      } catch (error) {
        await reader?.close();
        input.stream.destroy();
        throw error;
      }
    },
  };
}
