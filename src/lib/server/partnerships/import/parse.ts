import { parse as parseCsv } from 'csv-parse/sync';
import { InvalidInput, type InputReason } from '../../errors.js';
import { IMPORT_LIMITS } from './limits.js';

/** A file as read: its header row and its data rows, every cell as trimmed text. */
export interface ImportTable {
  headers: string[];
  rows: string[][];
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function refuse(reason: InputReason, message: string, extra: { max?: number } = {}): never {
  throw new InvalidInput('file', message, { reason, ...extra });
}

const isXlsx = (bytes: Uint8Array) => ZIP_MAGIC.every((b, i) => bytes[i] === b);

/** The separator of an Atlas export is `;` (French Excel), sometimes `,` or a tab: the header line tells. */
function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [';', ',', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]![1] > 0 ? counts[0]![0] : ',';
}

function readCsv(bytes: Uint8Array): unknown[][] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Older Excel exports are Windows-1252: read them as such rather than refuse them.
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return parseCsv(text, {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: IMPORT_LIMITS.maxCell * IMPORT_LIMITS.maxColumns,
      to_line: IMPORT_LIMITS.maxRows + 2,
    }) as unknown[][];
  } catch (error) {
    refuse('unreadable', `The file is not a readable CSV: ${(error as Error).message}`);
  }
}

async function readXlsx(bytes: Uint8Array): Promise<unknown[][]> {
  // Imported here, not at the top: SheetJS is 1 MB of source that every server process would otherwise hold in
  // memory from its start, for an admin's occasional import.
  const { read: readWorkbook, utils: sheetUtils } = await import('@e965/xlsx');
  try {
    // Values only: no formulas, styles or HTML are kept (a formula's cached result is read as its value).
    const book = readWorkbook(bytes, {
      type: 'array',
      dense: true,
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
      sheetRows: IMPORT_LIMITS.maxRows + 2,
    });
    const sheet = book.Sheets[book.SheetNames[0] ?? ''];
    if (!sheet) refuse('empty', 'The workbook has no sheet.');
    return sheetUtils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: false, defval: '', blankrows: false });
  } catch (error) {
    if (error instanceof InvalidInput) throw error;
    refuse('unreadable', 'The file is not a readable XLSX workbook.');
  }
}

const cell = (value: unknown) => (value == null ? '' : String(value).trim());

/**
 * Reads an uploaded CSV or XLSX (told apart by content, not by name) into text rows, within the limits: too big,
 * too many rows or columns, or unreadable, and the whole file is refused on the `file` field. Cells are kept as
 * written (control characters included): the mapping step refuses such rows one by one, with the reason.
 */
export async function parseImportFile(bytes: Uint8Array): Promise<ImportTable> {
  if (bytes.byteLength === 0) refuse('empty', 'The file is empty.');
  if (bytes.byteLength > IMPORT_LIMITS.maxBytes)
    refuse('file_too_big', `The file is larger than ${IMPORT_LIMITS.maxBytes} bytes.`, {
      max: IMPORT_LIMITS.maxBytes,
    });
  const records = isXlsx(bytes) ? await readXlsx(bytes) : readCsv(bytes);
  const nonEmpty = records.filter((r) => Array.isArray(r) && r.some((c) => cell(c) !== ''));
  if (nonEmpty.length < 2) refuse('empty', 'The file has no data row under its header row.');
  if (nonEmpty.length - 1 > IMPORT_LIMITS.maxRows)
    refuse('too_many_rows', `The file has more than ${IMPORT_LIMITS.maxRows} rows.`, { max: IMPORT_LIMITS.maxRows });
  const headers = nonEmpty[0]!.map(cell);
  if (headers.length > IMPORT_LIMITS.maxColumns)
    refuse('too_many_columns', `The file has more than ${IMPORT_LIMITS.maxColumns} columns.`, {
      max: IMPORT_LIMITS.maxColumns,
    });
  const width = headers.length;
  const rows = nonEmpty.slice(1).map((r) => {
    const row = r.slice(0, width).map(cell);
    while (row.length < width) row.push('');
    return row;
  });
  return { headers, rows };
}
