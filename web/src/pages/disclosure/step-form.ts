import { useRef, useState } from 'react';
import type { CombinedError } from 'urql';
import { FieldError, fieldErrorsOf } from '../../api-errors';
import { useFocusFirstError } from '../../field';

/**
 * One small form on a page that sends one mutation: its fieldErrors named under `prefix` (so two forms on a page
 * never share a field id), focus on the first field in error, and the error kept until the next send.
 */
export function useStepForm(prefix: string) {
  const [error, setError] = useState<CombinedError | null>(null);
  const [sending, setSending] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, error);
  const fieldErrors: FieldError[] = fieldErrorsOf(error ?? undefined).map((e) => ({ ...e, field: `${prefix}.${e.field}` }));

  /** Sends; true when it went through. */
  async function run(send: () => Promise<{ error?: CombinedError }>): Promise<boolean> {
    setSending(true);
    const result = await send();
    setSending(false);
    setError(result.error ?? null);
    return !result.error;
  }

  return { form, error, fieldErrors, sending, run };
}
