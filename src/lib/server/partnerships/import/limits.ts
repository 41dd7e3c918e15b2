/** What an import file may be: an Atlas export of ~13,000 rows fits well within these. */
export const IMPORT_LIMITS = {
  /** Bytes of the uploaded file (CSV or XLSX). */
  maxBytes: 5 * 1024 * 1024,
  /** Data rows (header excluded). */
  maxRows: 20_000,
  /** Columns of the header row. */
  maxColumns: 60,
  /** Characters of one cell. */
  maxCell: 1_000,
  /** File name length kept. */
  maxFileName: 200,
} as const;

/**
 * Rows handled per step of a dry run or a commit: each step is one round of queries (and, when committing, one
 * short transaction), and the event loop is given back between steps so the site keeps answering.
 */
export const IMPORT_CHUNK = 500;

/** A step whose batch has not moved for this long was cut off (a restart): the admin may run it again. */
export const IMPORT_STALE_MS = 2 * 60 * 1000;
