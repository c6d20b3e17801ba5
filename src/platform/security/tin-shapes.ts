/**
 * TIN-shaped numbers in text: SSN/ITIN (`123-45-6789`, `123 45 6789`, `123.45.6789`), EIN (`12-3456789`,
 * `12 3456789`) and nine digits in a row (`SSN521473398` too). A digit or hex letter (a–f) right next to them
 * makes them part of a longer token (a UUID's hex groups, a 14-digit DLN, a ten-digit phone number, an A-number),
 * and phone numbers (3-3-4), ZIP+4 (5-4), dates and reference numbers (14566-2026-000002) have other shapes.
 * Used to keep TINs out of free text and notices.
 */
const TIN_PATTERNS: readonly RegExp[] = [
  /(?<![0-9A-Fa-f])\d{3}([-. ]?)\d{2}\1\d{4}(?![0-9A-Fa-f])/,
  /(?<![0-9A-Fa-f])\d{2}[- ]\d{7}(?![0-9A-Fa-f])/,
];

export function containsTinShapedNumber(text: string): boolean {
  return TIN_PATTERNS.some((pattern) => pattern.test(text));
}

const TIN_PATTERNS_GLOBAL = TIN_PATTERNS.map((pattern) => new RegExp(pattern.source, 'g'));

/** `text` with every TIN-shaped number replaced (e.g. for log lines that quote a library's message). */
export function replaceTinShapedNumbers(text: string, replacement: string): string {
  return TIN_PATTERNS_GLOBAL.reduce((result, pattern) => result.replace(pattern, replacement), text);
}
