import { useRef, useState } from 'react';
import type { CombinedError } from 'urql';
import { FieldError, fieldErrorsOf } from '../../api-errors';
import { useFocusFirstError } from '../../field';

/**
 * A form that sends one mutation: its fieldErrors named under `prefix` when given (so two forms on a page never
 * share a field id), focus on the first field in error, and the error kept until the next send.
 */
export function useStepForm(prefix?: string) {
  const [error, setError] = useState<CombinedError | null>(null);
  const [sending, setSending] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, error);
  const fieldErrors: FieldError[] = fieldErrorsOf(error ?? undefined).map((e) => (prefix ? { ...e, field: `${prefix}.${e.field}` } : e));

  /** Sends; the result when it went through, null when the API refused (its error then on the form). */
  async function run<R extends { error?: CombinedError }>(send: () => Promise<R>): Promise<R | null> {
    setSending(true);
    const result = await send();
    setSending(false);
    setError(result.error ?? null);
    return result.error ? null : result;
  }

  return { form, error, fieldErrors, sending, run };
}
