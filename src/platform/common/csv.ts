import { stringify } from 'csv-stringify';
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** One column of an export: its header and how a row's cell is written. */
export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | null | undefined;
}

/** A download: its rows (read through a cursor) and how each becomes a CSV line. */
export interface CsvExport<T> {
  columns: readonly CsvColumn<T>[];
  rows: Readable;
}

/**
 * Writes rows as RFC 4180 CSV (CRLF line ends, a header row), by csv-stringify, streamed with backpressure.
 * Cells a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return, or their
 * full-width forms) get a leading apostrophe (`escape_formulas`), so an exported value never executes in
 * the reader's spreadsheet; a lone CR or LF in a cell is quoted too (csv-stringify quotes only CRLF itself).
 */
export function writeCsv<T>(rows: Readable, columns: readonly CsvColumn<T>[], out: Writable): Promise<void> {
  const cells = new Transform({
    objectMode: true,
    transform(row: T, _encoding, done) {
      try {
        done(
          null,
          columns.map((column) => column.value(row) ?? ''),
        );
      } catch (error) {
        done(error as Error);
      }
    },
  });
  const csv = stringify({
    header: true,
    columns: columns.map((column) => column.header),
    escape_formulas: true,
    record_delimiter: 'windows',
    quoted_match: /[\r\n]/,
  });
  // pipeline: a failure or a reader going away destroys every stage, which closes the rows' cursor.
  return pipeline(rows, cells, csv, out);
}
