// One CSV output file, written row by row through csv-stringify with back-pressure respected.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';

export interface CsvFileWriter {
  /** Returns a promise only when the caller must wait for the file to catch up. */
  write(row: string[]): Promise<void> | undefined;
  /** Flushes and closes the file; rejects if any write failed. */
  close(): Promise<void>;
  /** Stops writing after a failure elsewhere, releasing the file. */
  abort(): void;
}

export function createCsvFileWriter(path: string): CsvFileWriter {
  const stringifier = stringify();
  const written = pipeline(stringifier, createWriteStream(path));
  // The outcome is read in close(); this only keeps an early failure from going unhandled.
  written.catch(() => {});
  return {
    write(row) {
      return stringifier.write(row) ? undefined : once(stringifier, 'drain').then(() => {});
    },
    async close() {
      stringifier.end();
      await written;
    },
    abort() {
      stringifier.destroy();
    },
  };
}
