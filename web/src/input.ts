/** Typed text to API input: blank optional text is left out; a list is typed one item per line. */
export const optional = (text: string) => text.trim() || undefined;
export const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
