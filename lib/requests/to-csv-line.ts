export type CsvCell = string | number | boolean | Date | null | undefined;

// A spreadsheet runs a cell starting with one of these as a formula; a log body is attacker-controlled text.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One RFC 4180 line (CRLF-terminated): a cell with a comma, quote, CR or LF is quoted, its quotes doubled. Text
 * that a spreadsheet would run as a formula gets a leading apostrophe (OWASP "CSV injection"); numbers, booleans
 * and dates are written as they are.
 */
export function toCsvLine(cells: CsvCell[]): string {
  return `${cells.map(toCsvCell).join(",")}\r\n`;
}

function toCsvCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return cell.toISOString();
  if (typeof cell !== "string") return String(cell);
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
