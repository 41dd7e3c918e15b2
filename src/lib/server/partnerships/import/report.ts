import { stringify } from 'csv-stringify/sync';
import type { InvalidReason } from './map.js';

/** What the dry run decided for a row; only 'code' and 'name' rows are committed. */
export type RowOutcome = 'code' | 'name' | 'unmatched' | 'invalid' | 'duplicate';
export type RowReason = InvalidReason | 'unknown_code' | 'no_similar_name' | 'ambiguous' | 'in_file' | 'existing';

export interface ReportRow {
  /** Line of the file (the header is line 1). */
  line: number;
  outcome: RowOutcome;
  reason: RowReason | null;
  /** The file's column the reason is about, for invalid rows. */
  field?: string;
  /** As the file gives them, for the admin to recognise the row. */
  given: { french: string; foreign: string; country: string };
  frenchId: string | null;
  /** The French authority matched: its name and, for communes, its département. */
  frenchLabel: string | null;
  similarity: number | null;
  /** The foreign authority already known here, or null when the commit records a new one. */
  foreignId: string | null;
  foreignName: string | null;
  country: string | null;
  themes: string[];
  unknownThemes: string[];
  startedOn: string | null;
  endedOn: string | null;
}

export interface ImportReport {
  counts: Record<RowOutcome, number> & { newForeign: number };
  rows: ReportRow[];
}

export const emptyCounts = (): ImportReport['counts'] => ({
  code: 0,
  name: 0,
  unmatched: 0,
  invalid: 0,
  duplicate: 0,
  newForeign: 0,
});

/**
 * A cell a spreadsheet would run as a formula (= + - @, or a tab or carriage return before one) is written with a
 * leading apostrophe: the report echoes what the file said, and a hostile file must not run in the admin's Excel.
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export interface ReportLabels {
  headers: string[];
  outcome(outcome: RowOutcome): string;
  reason(reason: RowReason): string;
  field(field: string): string;
  /** Whether the foreign authority is already known here, or will be recorded by the commit. */
  foreignKnown(known: boolean): string;
}

/** The dry-run report as CSV (UTF-8 with a byte-order mark so Excel reads the accents), in the admin's language. */
export function reportCsv(report: ImportReport, labels: ReportLabels): string {
  const records = report.rows.map((r) => [
    String(r.line),
    labels.outcome(r.outcome),
    r.reason ? labels.reason(r.reason) : '',
    r.field ? labels.field(r.field) : '',
    r.given.french,
    r.frenchLabel ?? '',
    r.similarity === null ? '' : r.similarity.toFixed(2),
    r.given.foreign,
    r.foreignName ? labels.foreignKnown(r.foreignId !== null) : '',
    r.given.country,
    r.themes.join(' | '),
    r.unknownThemes.join(' | '),
    r.startedOn ?? '',
    r.endedOn ?? '',
  ]);
  return '\ufeff' + stringify([labels.headers, ...records].map((row) => row.map(neutraliseCell)));
}
