import { ComponentType, FormEvent, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { CombinedError, useMutation, useQuery } from 'urql';
import { ApiErrorAlert } from '../../alert';
import { fieldErrorsOf } from '../../api-errors';
import { useDraft } from '../../drafts';
import { ErrorSummary, FieldErrorsContext, focusFirstError, SelectField } from '../../field';
import { graphql } from '../../documents';
import type { ReferralContentInput, ReferralForm } from '../../gql/graphql';

// The API answers which functions may receive this form and purpose (the rule fileReferral checks).
const ReceiversDocument = graphql(`
  query FilingReceivers($form: ReferralForm!, $purpose: Referral14566Purpose) {
    referralReceivers(form: $form, purpose: $purpose) {
      id
      code
      name
    }
  }
`);

const FileReferralDocument = graphql(`
  mutation FileReferral($input: FileReferralInput!) {
    fileReferral(input: $input) {
      id
      referenceNumber
    }
  }
`);

/** One form's part of the filing page: its fields, their labels, and its content input. */
export interface FilingModule<D> {
  form: ReferralForm;
  title: string;
  empty: D;
  /** API field path (or prefix) → the label the person sees, in page order (for the error summary). */
  labels: [string, string][];
  content(draft: D): ReferralContentInput;
  Fields: ComponentType<{ draft: D; set(change: Partial<D>): void }>;
}

interface Filing<D> {
  receivingFunctionId: string;
  content: D;
}

/**
 * Files one form. What is typed is kept as a draft until the referral is filed; each problem the API finds is shown
 * beside its field and in a summary that screen readers announce, and focus moves to the first field in error. Only
 * the receivers the API names for the form and purpose (referralReceivers) are offered; the only one is picked.
 */
export function FilingForm<D>({ module }: { module: FilingModule<D> }) {
  const navigate = useNavigate();
  const [draft, setDraft, discardDraft] = useDraft<Filing<D>>(`file.${module.form}`, { receivingFunctionId: '', content: module.empty });
  const purpose = module.content(draft.content).form14566?.purpose ?? null;
  const [{ data: offered }] = useQuery({ query: ReceiversDocument, variables: { form: module.form, purpose } });
  const receivers = offered?.referralReceivers ?? [];
  const receivingFunctionId = receivers.some((fn) => fn.id === draft.receivingFunctionId)
    ? draft.receivingFunctionId
    : receivers.length === 1
      ? receivers[0].id
      : '';
  const [, fileReferral] = useMutation(FileReferralDocument);
  const [error, setError] = useState<CombinedError | null>(null);
  const [sending, setSending] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const fieldErrors = fieldErrorsOf(error ?? undefined);
  const labels: [string, string][] = [['receivingFunctionId', 'Receiving function'], ...module.labels];
  const labelOf = (path: string) =>
    labels.find(([prefix]) => path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`))?.[1] ?? path;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSending(true);
    const result = await fileReferral({
      input: { form: module.form, receivingFunctionId, content: module.content(draft.content) },
    });
    setSending(false);
    if (result.error || !result.data) {
      setError(result.error ?? null);
      setTimeout(() => focusFirstError(form.current), 0);
      return;
    }
    discardDraft();
    navigate(`/referrals/${result.data.fileReferral.id}`);
  }

  return (
    <FieldErrorsContext.Provider value={fieldErrors}>
      <form ref={form} className="usa-form usa-form--large" onSubmit={submit} noValidate aria-label={module.title}>
        <h2>{module.title}</h2>
        <ErrorSummary problems={fieldErrors.map((e) => ({ path: e.field, label: labelOf(e.field), message: e.message }))} />
        {error && fieldErrors.length === 0 && <ApiErrorAlert error={error} />}
        <SelectField
          path="receivingFunctionId"
          label="Receiving function"
          value={receivingFunctionId}
          options={receivers.map((f) => [f.id, `${f.name} (${f.code})`])}
          onChange={(receivingFunctionId) => setDraft({ ...draft, receivingFunctionId })}
        />
        <module.Fields draft={draft.content} set={(change) => setDraft({ ...draft, content: { ...draft.content, ...change } })} />
        <button className="usa-button margin-top-3" type="submit" disabled={sending}>
          File the referral
        </button>
      </form>
    </FieldErrorsContext.Provider>
  );
}
