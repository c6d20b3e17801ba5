/** A DataLoader batch's answer: the row of each requested id, in request order (null where none). */
export function rowsById<T extends { id: string }>(rows: T[], ids: readonly string[]): (T | null)[] {
  const map = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => map.get(id) ?? null);
}
