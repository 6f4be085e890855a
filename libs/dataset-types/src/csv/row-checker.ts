// Checks rows in file order: the first non-blank row is the header (when the file has one)
// and fixes the columns, every later row must make a record. Both readers call it as they go,
// so the first problem in the file is the one reported.
import { checkHeaderAgrees, layoutColumns, type ColumnLayout } from './column-layout.ts';
import type { CsvSettings } from './csv-settings.ts';
import type { RawRow } from './raw-rows.ts';
import { rowToRecord, type RowPlace } from './row-to-record.ts';

export interface RowChecker {
  /** Known from the entry without a header, else once the header row has been checked. */
  readonly layout: ColumnLayout | undefined;
  check(row: RawRow): void;
}

export function createRowChecker(
  settings: CsvSettings,
  targetColumn: string,
  place: RowPlace,
): RowChecker {
  let layout = settings.header
    ? undefined
    : layoutColumns(settings.columns ?? [], targetColumn, place);
  return {
    get layout() {
      return layout;
    },
    check(row) {
      if (layout) {
        rowToRecord(row, layout, place);
        return;
      }
      const headerPlace = { ...place, line: row.line };
      if (settings.columns) checkHeaderAgrees(row.fields, settings.columns, headerPlace);
      layout = layoutColumns(row.fields, targetColumn, headerPlace);
    },
  };
}
