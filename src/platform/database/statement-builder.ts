/** Adds a value to the statement being built and returns its placeholder (`$n`). */
export type Parameter = (value: unknown) => string;

/** A statement whose placeholders are numbered as its parts add their values, so parts can be written apart and joined. */
export async function buildStatement(
  build: (parameter: Parameter) => string | Promise<string>,
): Promise<[sql: string, parameters: unknown[]]> {
  const parameters: unknown[] = [];
  const sql = await build((value) => `$${parameters.push(value)}`);
  return [sql, parameters];
}
