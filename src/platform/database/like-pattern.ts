/** Text matched literally inside a LIKE/ILIKE pattern: its `%`, `_` and `\` (PostgreSQL's escape) are not wildcards. */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}
