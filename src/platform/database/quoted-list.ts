/** A list of SQL string literals, for hub-defined constants only (state names, statuses), never for input. */
export const quotedList = (values: readonly string[]): string => values.map((value) => `'${value}'`).join(', ');
