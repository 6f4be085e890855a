// The one pass over the raw file: validates every row, counts the rows of each class,
// fingerprints the bytes and, when asked, writes every row already encoded (features as plain
// numbers, then the label's id) so the split never reads or parses the raw file again. Memory
// grows with the number of classes, never with the number of rows.
import type { DatasetType, DatasetTypeOptions, RecordBatch } from '@pipeline/dataset-types';
import { createCsvFileWriter, type CsvFileWriter } from './csv-file-writer.ts';
import { openFingerprinted, type RawFileFingerprint } from './raw-file-input.ts';

export interface Census {
  featureNames: string[];
  /**
   * Sorted by JavaScript string order (UTF-16 code units, so '10' sorts before '9'); the
   * encoded label of a class is its index here.
   */
  classes: string[];
  /** Rows per class, in the order of `classes`. */
  classCounts: number[];
  total: number;
  input: RawFileFingerprint;
  /** Labels by the id the encoded rows end with: the order they first appear in the file. */
  labelsById: readonly string[];
}

interface Tally {
  countsById: number[];
  labelsById: readonly string[];
  total: number;
}

function tallyBatch(tally: Tally, batch: RecordBatch): void {
  for (let row = 0; row < batch.size; row += 1) {
    const id = batch.labelIds[row]!;
    tally.countsById[id] = (tally.countsById[id] ?? 0) + 1;
  }
  tally.labelsById = batch.labels;
  tally.total += batch.size;
}

/** Writes each row of the batch as `features,<label id>\n`. */
function encodeBatch(writer: CsvFileWriter, batch: RecordBatch, idTexts: Buffer[]): void {
  for (let id = idTexts.length; id < batch.labels.length; id += 1) {
    idTexts.push(Buffer.from(`${id}\n`));
  }
  for (let row = 0; row < batch.size; row += 1) {
    writer.writeRow(batch, row, idTexts[batch.labelIds[row]!]!);
  }
}

export async function takeCensus(
  datasetType: DatasetType,
  inputFile: string,
  options: DatasetTypeOptions,
  encodedFile?: string,
): Promise<Census> {
  const raw = openFingerprinted(inputFile);
  const opened = await datasetType.open(raw.input, options);
  const writer = encodedFile === undefined ? undefined : await createCsvFileWriter(encodedFile);
  const tally: Tally = { countsById: [], labelsById: [], total: 0 };
  const idTexts: Buffer[] = [];
  try {
    for await (const batch of opened.batches({ featureText: writer !== undefined })) {
      tallyBatch(tally, batch);
      if (!writer) continue;
      encodeBatch(writer, batch, idTexts);
      await writer.flushIfFull();
    }
    await writer?.close();
  } catch (error) {
    await writer?.abort();
    throw error;
  }

  const classes = [...tally.labelsById].sort();
  const idOf = new Map(tally.labelsById.map((label, id) => [label, id]));
  return {
    featureNames: opened.featureNames,
    classes,
    classCounts: classes.map((name) => tally.countsById[idOf.get(name)!]!),
    total: tally.total,
    input: raw.fingerprint(),
    labelsById: tally.labelsById,
  };
}
