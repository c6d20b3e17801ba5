import { FormEvent, useRef, useState } from 'react';
import { CombinedError, useClient, useQuery } from 'urql';
import { Alert } from '../alert';
import { errorCode, fieldErrorsOf, humanMessage } from '../api-errors';
import { useDraft } from '../drafts';
import { ErrorSummary, FieldErrorsContext, focusFirstError, SelectField, TextField } from '../field';
import { humanize } from '../format';
import { lines } from '../input';
import { graphql } from '../gql';
import type { ReferralAction } from '../gql/graphql';
import type { PageReferral } from './referral';

const Acknowledge = graphql(`
  mutation Acknowledge($input: ReferralTransitionInput!) {
    acknowledgeReferral(input: $input) {
      id
      version
      state
    }
  }
`);
const Forward = graphql(`
  mutation Forward($input: ReferralTransitionInput!) {
    forwardReferral(input: $input) {
      id
      version
      state
    }
  }
`);
const Close = graphql(`
  mutation Close($input: ReferralTransitionInput!) {
    closeReferral(input: $input) {
      id
      version
      state
    }
  }
`);
const Withdraw = graphql(`
  mutation Withdraw($input: ReferralTransitionInput!) {
    withdrawReferral(input: $input) {
      id
      version
      state
    }
  }
`);
const ReturnNoTpp = graphql(`
  mutation ReturnNoTpp($input: ReferralTransitionInput!) {
    returnReferralNoTppInvolvement(input: $input) {
      id
      version
      state
    }
  }
`);
const Resubmit = graphql(`
  mutation Resubmit($input: ResubmitReferralInput!) {
    resubmitReferral(input: $input) {
      id
      version
      state
    }
  }
`);
const Assign = graphql(`
  mutation Assign($input: AssignReferralInput!) {
    assignReferral(input: $input) {
      id
      version
      state
    }
  }
`);
const ReturnIncomplete = graphql(`
  mutation ReturnIncomplete($input: ReturnReferralInput!) {
    returnReferralIncomplete(input: $input) {
      id
      version
      state
    }
  }
`);
const ReturnToLiaison = graphql(`
  mutation ReturnToLiaison($input: ReturnReferralInput!) {
    returnReferralToOriginatingLiaison(input: $input) {
      id
      version
      state
    }
  }
`);
const Complete = graphql(`
  mutation Complete($input: CompleteReferralInput!) {
    completeReferral(input: $input) {
      id
      version
      state
    }
  }
`);
const Elevate = graphql(`
  mutation Elevate($input: ElevateReferralInput!) {
    elevateReferral(input: $input) {
      id
      version
      state
    }
  }
`);
const ResolveElevation = graphql(`
  mutation ResolveElevation($input: ResolveElevationInput!) {
    resolveReferralElevation(input: $input) {
      id
      version
      state
    }
  }
`);

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
      case 'ACKNOWLEDGE':
        return client.mutation(Acknowledge, { input: base }).toPromise();
      case 'FORWARD':
        return client.mutation(Forward, { input: base }).toPromise();
      case 'CLOSE':
        return client.mutation(Close, { input: base }).toPromise();
      case 'WITHDRAW':
        return client.mutation(Withdraw, { input: base }).toPromise();
      case 'RETURN_NO_TPP_INVOLVEMENT':
        return client.mutation(ReturnNoTpp, { input: base }).toPromise();
      case 'RESUBMIT':
        return client.mutation(Resubmit, { input: base }).toPromise();
      case 'ASSIGN':
        return client.mutation(Assign, { input: { ...base, assigneeId: draft.assigneeId } }).toPromise();
      case 'RETURN_INCOMPLETE':
        return client.mutation(ReturnIncomplete, { input: { ...base, missingItems: lines(draft.lines) } }).toPromise();
      case 'RETURN_TO_ORIGINATING_LIAISON':
        return client.mutation(ReturnToLiaison, { input: { ...base, missingItems: lines(draft.lines) } }).toPromise();
      case 'COMPLETE':
        return client
          .mutation(Complete, {
            input: { ...base, actionsTaken: lines(draft.lines), resolutionCode: draft.resolutionCode.trim() || undefined },
          })
          .toPromise();
      case 'ELEVATE':
        return client.mutation(Elevate, { input: { ...base, reason: draft.reason } }).toPromise();
      case 'RESOLVE_ELEVATION':
        return client.mutation(ResolveElevation, { input: { ...base, resolution: draft.reason } }).toPromise();
      default:
        throw new Error(`${action} is not offered as a button`);
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
        <FieldErrorsContext.Provider value={fieldErrors}>
          <form ref={form} className="usa-form usa-form--large" onSubmit={submit} aria-label={spec.label}>
            {conflict ? (
              <Alert kind="warning">
                <p className="usa-alert__text">{humanMessage(error!)}</p>
                <button
                  type="button"
                  className="usa-button usa-button--secondary margin-top-1"
                  onClick={() => (setError(null), onReload())}
                >
                  Reload the referral
                </button>
              </Alert>
            ) : (
              error && (
                <ErrorSummary
                  problems={
                    fieldErrors.length
                      ? fieldErrors.map((e) => ({
                          path: e.field,
                          label: FIELD_LABELS[e.field.replace(/\[.*$/, '')] ?? e.field,
                          message: e.message,
                        }))
                      : [{ path: 'action', label: 'Not done', message: humanMessage(error) }]
                  }
                />
              )
            )}
            {!referral.availableActions.includes(draft.action) && <p>This action is no longer offered to you on this referral.</p>}
            {spec.extras.includes('assignee') && (
              <SelectField
                path="assigneeId"
                label="Assign to"
                value={draft.assigneeId}
                options={(assignees?.employees ?? []).map((e) => [e.id, `${e.name} (${e.email})`])}
                onChange={(assigneeId) => update({ assigneeId })}
              />
            )}
            {spec.extras.includes('missingItems') && (
              <TextField
                path="missingItems"
                label="What is missing"
                hint="One per line"
                multiline
                value={draft.lines}
                onChange={(text) => update({ lines: text })}
              />
            )}
            {spec.extras.includes('actionsTaken') && (
              <TextField
                path="actionsTaken"
                label="Actions taken"
                hint="One per line"
                multiline
                value={draft.lines}
                onChange={(text) => update({ lines: text })}
              />
            )}
            {spec.extras.includes('resolutionCode') && (
              <TextField
                path="resolutionCode"
                label="Resolution code (optional)"
                hint="e.g. ADDED_TO_SCHEME_LIST, RTN2PROC"
                value={draft.resolutionCode}
                onChange={(resolutionCode) => update({ resolutionCode })}
              />
            )}
            {spec.extras.includes('reason') && (
              <TextField
                path="reason"
                label="What the functions disagree about"
                multiline
                value={draft.reason}
                onChange={(reason) => update({ reason })}
              />
            )}
            {spec.extras.includes('resolution') && (
              <TextField path="resolution" label="Resolution" multiline value={draft.reason} onChange={(reason) => update({ reason })} />
            )}
            <TextField path="note" label="Note (optional)" multiline value={draft.note} onChange={(note) => update({ note })} />
            <button className="usa-button margin-top-2" type="submit" disabled={sending}>
              {spec.label}
            </button>
            <button
              type="button"
              className="usa-button usa-button--unstyled margin-left-2"
              onClick={() => (discardDraft(), setError(null))}
            >
              Cancel
            </button>
          </form>
        </FieldErrorsContext.Provider>
      )}
    </section>
  );
}
