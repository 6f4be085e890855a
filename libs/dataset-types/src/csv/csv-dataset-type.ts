// The delimited-text reader behind every dataset type: the generic `csv` type and the presets
// (iris, wine) that fix the columns of one well-known file.
import { PipelineError } from '@pipeline/errors';
import type { DatasetType, DatasetTypeOptions, OpenedDataset, RawInput } from '../dataset-type.ts';
import { checkHeaderAgrees, layoutColumns, type ColumnLayout } from './column-layout.ts';
import { resolveCsvSettings, type CsvPreset, type CsvSettings } from './csv-settings.ts';
import { readRawRows, type RawRow } from './raw-rows.ts';
import { rowToRecord, type RowPlace } from './row-to-record.ts';

function emptyFile(place: RowPlace, afterHeader: boolean): PipelineError {
  const message = afterHeader
    ? 'the raw file has a header but no data rows'
    : 'the raw file has no rows';
  return new PipelineError('EMPTY_FILE', message, {
    ...place,
    hint: 'Check the source of the raw file, and ingest it again once it holds data rows.',
  });
}

async function* cleanRecords(
  rows: AsyncGenerator<RawRow>,
  layout: ColumnLayout,
  place: RowPlace,
  afterHeader: boolean,
) {
  let count = 0;
  for await (const row of rows) {
    count += 1;
    yield rowToRecord(row, layout, place);
  }
  if (count === 0) throw emptyFile(place, afterHeader);
}

async function layoutFor(
  rows: AsyncGenerator<RawRow>,
  settings: CsvSettings,
  targetColumn: string,
  place: RowPlace,
): Promise<ColumnLayout> {
  if (!settings.header) return layoutColumns(settings.columns ?? [], targetColumn, place);
  const first = await rows.next();
  if (first.done) throw emptyFile(place, false);
  const headerPlace = { ...place, line: first.value.line };
  if (settings.columns) checkHeaderAgrees(first.value.fields, settings.columns, headerPlace);
  return layoutColumns(first.value.fields, targetColumn, headerPlace);
}

export function createCsvDatasetType(name: string, preset?: CsvPreset): DatasetType {
  return {
    name,
    async open(input: RawInput, options: DatasetTypeOptions): Promise<OpenedDataset> {
      const place = { dataset: options.dataset, file: input.file };
      let rows: AsyncGenerator<RawRow> | undefined;
      try {
        const settings = resolveCsvSettings(name, preset, options);
        rows = readRawRows(input, settings.delimiter, options.dataset);
        const layout = await layoutFor(rows, settings, options.targetColumn, place);
        const records = cleanRecords(rows, layout, place, settings.header);
        return { featureNames: layout.featureNames, records };
      } catch (error) {
        await rows?.return(undefined);
        input.stream.destroy();
        throw error;
      }
    },
  };
}
