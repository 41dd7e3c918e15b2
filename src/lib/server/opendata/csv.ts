/**
 * RFC 4180 CSV. Cells that a spreadsheet would run as a formula (= + - @ at the start) are prefixed with a
 * quote: open data is opened in Excel by people who did not write it. `;` separates the cells where spreadsheets
 * expect it (French and Spanish settings use the comma for decimals).
 */
export function toCsv<T extends object>(rows: readonly T[], columns: ReadonlyArray<keyof T>, separator: ',' | ';' = ','): string {
  const cell = (value: unknown): string => {
    let text = value === null || value === undefined ? '' : Array.isArray(value) ? value.join('|') : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",;\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = [columns.map((c) => cell(String(c))).join(separator)];
  for (const row of rows) lines.push(columns.map((c) => cell(row[c])).join(separator));
  return `${lines.join('\r\n')}\r\n`;
}
