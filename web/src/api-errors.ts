import type { CombinedError } from 'urql';

/** One problem with one input field, as the API reports it in `extensions.fieldErrors` (BAD_USER_INPUT). */
export interface FieldError {
  field: string;
  message: string;
}

export function errorCode(error: CombinedError | undefined): string | undefined {
  return error?.graphQLErrors[0]?.extensions?.code as string | undefined;
}

/**
 * The API names a field from the operation's arguments (`input.content.form14566.business.ein`, README "Input
 * errors"); the console's forms name it inside the input they edit, its content taken as the form's own fields
 * (`form14566.business.ein`, `receivingFunctionId`, `note`).
 */
function formPath(field: string): string {
  return field.replace(/^input\.(content\.)?/, '');
}

export function fieldErrorsOf(error: CombinedError | undefined): FieldError[] {
  const list = error?.graphQLErrors.flatMap((e) =>
    e.extensions?.code === 'BAD_USER_INPUT' ? ((e.extensions.fieldErrors as FieldError[] | undefined) ?? []) : [],
  );
  return (list ?? []).map((e) => ({ ...e, field: formPath(e.field) }));
}

const MESSAGES: Record<string, string> = {
  FORBIDDEN: 'You may not do this.',
  NOT_FOUND: 'This item does not exist, or you may not see it.',
  CONFLICT: 'Someone else changed this referral — reload it to see the change. Nothing you typed is lost.',
  UNAUTHENTICATED: 'Your sign-in has expired. Sign in again.',
};

/** A clear sentence for any API error (never a stack trace): the API's own message for invalid input. */
export function humanMessage(error: CombinedError): string {
  const code = errorCode(error);
  if (code === 'BAD_USER_INPUT') return error.graphQLErrors[0].message;
  if (code && MESSAGES[code]) return MESSAGES[code];
  if (error.networkError) return 'The hub cannot be reached. Check your connection and try again.';
  return 'Something went wrong on the hub. Try again; if it keeps happening, tell the help desk.';
}
