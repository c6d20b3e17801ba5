import { FormEvent, useRef, useState } from 'react';
import { CombinedError, useClient, useQuery } from 'urql';
import { Alert } from '../alert';
import { errorCode, fieldErrorsOf, humanMessage } from '../api-errors';
import { useDraft } from '../drafts';
import { ErrorSummary, Field, focusFirstError } from '../field';
import { humanize } from '../format';
import { graphql } from '../gql';
import type { ReferralAction } from '../gql/graphql';
import type { PageReferral } from './referral';

const Acknowledge = graphql(`mutation Acknowledge($input: ReferralTransitionInput!) { acknowledgeReferral(input: $input) { id version state } }`);
const Forward = graphql(`mutation Forward($input: ReferralTransitionInput!) { forwardReferral(input: $input) { id version state } }`);
const Close = graphql(`mutation Close($input: ReferralTransitionInput!) { closeReferral(input: $input) { id version state } }`);
const Withdraw = graphql(`mutation Withdraw($input: ReferralTransitionInput!) { withdrawReferral(input: $input) { id version state } }`);
const ReturnNoTpp = graphql(`mutation ReturnNoTpp($input: ReferralTransitionInput!) { returnReferralNoTppInvolvement(input: $input) { id version state } }`);
const Resubmit = graphql(`mutation Resubmit($input: ResubmitReferralInput!) { resubmitReferral(input: $input) { id version state } }`);
const Assign = graphql(`mutation Assign($input: AssignReferralInput!) { assignReferral(input: $input) { id version state } }`);
const ReturnIncomplete = graphql(`mutation ReturnIncomplete($input: ReturnReferralInput!) { returnReferralIncomplete(input: $input) { id version state } }`);
const ReturnToLiaison = graphql(`mutation ReturnToLiaison($input: ReturnReferralInput!) { returnReferralToOriginatingLiaison(input: $input) { id version state } }`);
const Complete = graphql(`mutation Complete($input: CompleteReferralInput!) { completeReferral(input: $input) { id version state } }`);
const Elevate = graphql(`mutation Elevate($input: ElevateReferralInput!) { elevateReferral(input: $input) { id version state } }`);
const ResolveElevation = graphql(`mutation ResolveElevation($input: ResolveElevationInput!) { resolveReferralElevation(input: $input) { id version state } }`);

const Assignees = graphql(`
  query Assignees($functionId: ID!) {
    employees(functionId: $functionId) {
      id
      name
      email
    }
  }
`);

/** What the person has typed for the action they opened; kept as a draft until it is sent. */
interface ActionDraft {
  action: ReferralAction | null;
  note: string;
  assigneeId: string;
  lines: string;
  resolutionCode: string;
  reason: string;
}

const EMPTY: ActionDraft = { action: null, note: '', assigneeId: '', lines: '', resolutionCode: '', reason: '' };

type Extra = 'assignee' | 'missingItems' | 'actionsTaken' | 'resolutionCode' | 'reason' | 'resolution';

/** Each action a person can take on a referral: its button, the fields it needs, and the mutation it calls. */
const ACTIONS: Partial<Record<ReferralAction, { label: string; extras: Extra[] }>> = {
  FORWARD: { label: 'Forward to the receiving function', extras: [] },
  RETURN_INCOMPLETE: { label: 'Return to the originator as incomplete', extras: ['missingItems'] },
  RESUBMIT: { label: 'Resubmit', extras: [] },
  ACKNOWLEDGE: { label: 'Acknowledge', extras: [] },
  RETURN_TO_ORIGINATING_LIAISON: { label: 'Return to the originating liaison', extras: ['missingItems'] },
  ASSIGN: { label: 'Assign', extras: ['assignee'] },
  COMPLETE: { label: 'Complete', extras: ['actionsTaken', 'resolutionCode'] },
  RETURN_NO_TPP_INVOLVEMENT: { label: 'Return: no TPP involvement', extras: [] },
  CLOSE: { label: 'Close', extras: [] },
  WITHDRAW: { label: 'Withdraw', extras: [] },
  ELEVATE: { label: 'Elevate the disagreement', extras: ['reason'] },
  RESOLVE_ELEVATION: { label: 'Record the resolution', extras: ['resolution'] },
};

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

const FIELD_LABELS: Record<string, string> = {
  note: 'Note',
  assigneeId: 'Assign to',
  missingItems: 'What is missing',
  actionsTaken: 'Actions taken',
  resolutionCode: 'Resolution code',
  reason: 'Reason',
  resolution: 'Resolution',
};

export function ReferralActions({ referral, onReload }: { referral: PageReferral; onReload: () => void }) {
  const client = useClient();
  const [draft, setDraft, discardDraft] = useDraft<ActionDraft>(`referral.${referral.id}`, EMPTY);
  const [error, setError] = useState<CombinedError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const spec = draft.action ? ACTIONS[draft.action] : undefined;
  const [{ data: assignees }] = useQuery({
    query: Assignees,
    variables: { functionId: referral.receivingFunction.id },
    pause: !spec?.extras.includes('assignee'),
  });
  const offered = referral.availableActions.filter((a) => ACTIONS[a]);
  const update = (change: Partial<ActionDraft>) => setDraft({ ...draft, ...change });

  function send(action: ReferralAction) {
    const base = { referralId: referral.id, expectedVersion: referral.version, note: draft.note.trim() || undefined };
    switch (action) {
      case 'ACKNOWLEDGE': return client.mutation(Acknowledge, { input: base }).toPromise();
      case 'FORWARD': return client.mutation(Forward, { input: base }).toPromise();
      case 'CLOSE': return client.mutation(Close, { input: base }).toPromise();
      case 'WITHDRAW': return client.mutation(Withdraw, { input: base }).toPromise();
      case 'RETURN_NO_TPP_INVOLVEMENT': return client.mutation(ReturnNoTpp, { input: base }).toPromise();
      case 'RESUBMIT': return client.mutation(Resubmit, { input: base }).toPromise();
      case 'ASSIGN': return client.mutation(Assign, { input: { ...base, assigneeId: draft.assigneeId } }).toPromise();
      case 'RETURN_INCOMPLETE': return client.mutation(ReturnIncomplete, { input: { ...base, missingItems: lines(draft.lines) } }).toPromise();
      case 'RETURN_TO_ORIGINATING_LIAISON': return client.mutation(ReturnToLiaison, { input: { ...base, missingItems: lines(draft.lines) } }).toPromise();
      case 'COMPLETE':
        return client
          .mutation(Complete, { input: { ...base, actionsTaken: lines(draft.lines), resolutionCode: draft.resolutionCode.trim() || undefined } })
          .toPromise();
      case 'ELEVATE': return client.mutation(Elevate, { input: { ...base, reason: draft.reason } }).toPromise();
      case 'RESOLVE_ELEVATION': return client.mutation(ResolveElevation, { input: { ...base, resolution: draft.reason } }).toPromise();
      default: throw new Error(`${action} is not offered as a button`);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!draft.action) return;
    setSending(true);
    const result = await send(draft.action);
    setSending(false);
    if (result.error) {
      setError(result.error);
      setTimeout(() => focusFirstError(form.current), 0);
      return;
    }
    setError(null);
    setDone(`${ACTIONS[draft.action]?.label ?? humanize(draft.action)}: done.`);
    discardDraft();
  }

  const fieldErrors = fieldErrorsOf(error ?? undefined);
  const errorFor = (field: string) => fieldErrors.filter((e) => e.field === field || e.field.startsWith(`${field}[`)).map((e) => e.message).join('; ') || undefined;
  const conflict = errorCode(error ?? undefined) === 'CONFLICT';

  return (
    <section aria-labelledby="actions-heading">
      <h2 id="actions-heading">Actions</h2>
      {done && (
        <Alert kind="success" slim>
          <p className="usa-alert__text">{done}</p>
        </Alert>
      )}
      {offered.length === 0 && !draft.action && <p>There is nothing for you to do on this referral now.</p>}
      <ul className="usa-button-group">
        {offered.map((action) => (
          <li key={action} className="usa-button-group__item">
            <button
              type="button"
              className={`usa-button${draft.action === action ? '' : ' usa-button--outline'}`}
              aria-pressed={draft.action === action}
              onClick={() => (update({ action }), setError(null), setDone(null))}
            >
              {ACTIONS[action]!.label}
            </button>
          </li>
        ))}
      </ul>
      {draft.action && spec && (
        <form ref={form} className="usa-form usa-form--large" onSubmit={submit} aria-label={spec.label}>
          {conflict ? (
            <Alert kind="warning">
              <p className="usa-alert__text">{humanMessage(error!)}</p>
              <button type="button" className="usa-button usa-button--secondary margin-top-1" onClick={() => (setError(null), onReload())}>
                Reload the referral
              </button>
            </Alert>
          ) : (
            error && (
              <ErrorSummary
                problems={
                  fieldErrors.length
                    ? fieldErrors.map((e) => ({ path: e.field, label: FIELD_LABELS[e.field.replace(/\[.*$/, '')] ?? e.field, message: e.message }))
                    : [{ path: 'action', label: 'Not done', message: humanMessage(error) }]
                }
              />
            )
          )}
          {!referral.availableActions.includes(draft.action) && <p>This action is no longer offered to you on this referral.</p>}
          {spec.extras.includes('assignee') && (
            <Field path="assigneeId" label="Assign to" error={errorFor('assigneeId')}>
              {(control) => (
                <select className="usa-select" {...control} value={draft.assigneeId} onChange={(e) => update({ assigneeId: e.target.value })}>
                  <option value="">- Select -</option>
                  {assignees?.employees.map((e) => (
                    <option key={e.id} value={e.id}>
                      {e.name} ({e.email})
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          {(spec.extras.includes('missingItems') || spec.extras.includes('actionsTaken')) && (
            <Field
              path={spec.extras.includes('missingItems') ? 'missingItems' : 'actionsTaken'}
              label={spec.extras.includes('missingItems') ? 'What is missing' : 'Actions taken'}
              hint="One per line"
              error={errorFor(spec.extras.includes('missingItems') ? 'missingItems' : 'actionsTaken')}
            >
              {(control) => <textarea className="usa-textarea" {...control} value={draft.lines} onChange={(e) => update({ lines: e.target.value })} />}
            </Field>
          )}
          {spec.extras.includes('resolutionCode') && (
            <Field path="resolutionCode" label="Resolution code (optional)" hint="e.g. ADDED_TO_SCHEME_LIST, RTN2PROC" error={errorFor('resolutionCode')}>
              {(control) => <input className="usa-input" {...control} value={draft.resolutionCode} onChange={(e) => update({ resolutionCode: e.target.value })} />}
            </Field>
          )}
          {(spec.extras.includes('reason') || spec.extras.includes('resolution')) && (
            <Field
              path={spec.extras.includes('reason') ? 'reason' : 'resolution'}
              label={spec.extras.includes('reason') ? 'What the functions disagree about' : 'Resolution'}
              error={errorFor(spec.extras.includes('reason') ? 'reason' : 'resolution')}
            >
              {(control) => <textarea className="usa-textarea" {...control} value={draft.reason} onChange={(e) => update({ reason: e.target.value })} />}
            </Field>
          )}
          <Field path="note" label="Note (optional)" error={errorFor('note')}>
            {(control) => <textarea className="usa-textarea" {...control} value={draft.note} onChange={(e) => update({ note: e.target.value })} />}
          </Field>
          <button className="usa-button margin-top-2" type="submit" disabled={sending}>
            {spec.label}
          </button>
          <button type="button" className="usa-button usa-button--unstyled margin-left-2" onClick={() => (discardDraft(), setError(null))}>
            Cancel
          </button>
        </form>
      )}
    </section>
  );
}
