/**
 * Log lines must never carry a TIN. Messages the hub writes itself name ids, not taxpayers; what can
 * slip in is a number quoted back by a library (a PostgreSQL error echoing a value, an SMTP reply).
 */
import { replaceTinShapedNumbers } from '../security/tin-shapes';

/** Replaces every SSN/ITIN/EIN-shaped number (the one definition of that shape, shared with the input guard). */
export function redactTaxpayerNumbers(text: string): string {
  return replaceTinShapedNumbers(text, '[number]');
}

/** Database and driver errors quote the offending value ("invalid input syntax for type uuid: \"…\""). */
function redactQuotedValues(text: string): string {
  return text.replace(/"[^"]*"/g, '"…"').replace(/'[^']*'/g, "'…'");
}

export interface LoggedError {
  type: string;
  message: string;
  /** PostgreSQL SQLSTATE or Node error code. */
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  stack?: string;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]*$/i;
const ERROR_CODE = /^[A-Z0-9_]{1,32}$/i;

/**
 * What an unexpected error may put in a log line: its type, its message with quoted values and
 * numbers removed, the schema names a PostgreSQL error carries, and the stack frames (not the
 * stack's first line, which repeats the message). Never `detail`, `query` or `parameters`: they hold values.
 */
export function loggedError(error: unknown): LoggedError {
  if (!(error instanceof Error)) return { type: typeof error, message: '(not an Error)' };
  const fields = error as Error & Record<string, unknown>;
  const logged: LoggedError = { type: error.name, message: redactTaxpayerNumbers(redactQuotedValues(error.message)) };
  // TypeORM's QueryFailedError copies these from the driver's error.
  if (typeof fields.code === 'string' && ERROR_CODE.test(fields.code)) logged.code = fields.code;
  for (const key of ['constraint', 'table', 'column'] as const) {
    const value = fields[key];
    if (typeof value === 'string' && SCHEMA_NAME.test(value)) logged[key] = value;
  }
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  if (frames.length) logged.stack = frames.join('\n');
  return logged;
}
