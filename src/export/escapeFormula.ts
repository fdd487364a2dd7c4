/** First characters that make Excel, LibreOffice Calc or Google Sheets read a cell as a formula (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/**
 * A CSV cell that spreadsheets show as text instead of running as a formula: one starting with `=`, `+`, `-`, `@`,
 * tab, carriage return or line feed gets a leading `'`, as OWASP's CSV Injection page advises (with every field
 * quoted by the writer). Every export column is text, so `-5` or `+7 727…` are escaped too rather than read as numbers.
 */
export function escapeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
