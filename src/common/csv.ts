/**
 * RFC 4180 CSV with CRLF line ends. Cells that a spreadsheet would run as a formula (=, +, -, @) are
 * prefixed with an apostrophe, so an exported value can never execute in the reader's spreadsheet.
 */
export function toCsv<T>(columns: readonly { header: string; value: (row: T) => unknown }[], rows: readonly T[]): string {
  const cell = (value: unknown): string => {
    let text = value === null || value === undefined ? '' : String(value);
    if (/^[=+\-@]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [columns.map((c) => cell(c.header)), ...rows.map((row) => columns.map((c) => cell(c.value(row))))];
  return lines.map((line) => line.join(',')).join('\r\n') + '\r\n';
}
