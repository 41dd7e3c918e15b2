import { stringify } from 'csv-stringify/sync';

const cell = (value: unknown): string =>
  value === null || value === undefined ? '' : Array.isArray(value) ? value.join('|') : String(value);

/**
 * RFC 4180 CSV (csv-stringify). Cells that a spreadsheet would run as a formula (= + - @ at the start) are
 * prefixed with a quote: open data is opened in Excel by people who did not write it. `;` separates the cells
 * where spreadsheets expect it (French and Spanish settings use the comma for decimals); a cell holding either
 * separator or a line break is quoted, so the file reads the same whichever one a spreadsheet guesses. Lists are
 * joined with `|`. The BOM that tells Excel the file is UTF-8 is added by the route that serves it.
 */
export function toCsv<T extends object>(
  rows: readonly T[],
  columns: ReadonlyArray<keyof T>,
  separator: ',' | ';' = ',',
): string {
  return stringify(
    rows.map((row) => columns.map((c) => cell(row[c]))),
    {
      header: true,
      columns: columns.map((c) => String(c)),
      delimiter: separator,
      record_delimiter: 'windows',
      escape_formulas: true,
      quoted_match: /[,;\r\n]/,
    },
  );
}
