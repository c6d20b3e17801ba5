import { TypedDocumentNode, useClient, useQuery } from 'urql';
import { ActionDraft, ActionPanel, ActionSpec } from '../action-panel';
import { SelectField, TextField } from '../field';
import { lines } from '../input';
import { graphql } from '../gql';
import type { ReferralAction, ReferralTransitionInput } from '../gql/graphql';
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
  query Assignees($functionId: UUID!) {
    employees(functionId: $functionId) {
      id
      name
      email
    }
  }
`);

const FIELD_LABELS: Record<string, string> = {
  assigneeId: 'Assign to',
  missingItems: 'What is missing',
  actionsTaken: 'Actions taken',
  resolutionCode: 'Resolution code',
  reason: 'What the functions disagree about',
  resolution: 'Resolution',
};

/** The referral's assignee picker: the employees of the receiving function. */
function AssigneeField({ functionId, draft, update }: { functionId: string; draft: ActionDraft; update(change: ActionDraft): void }) {
  const [{ data }] = useQuery({ query: Assignees, variables: { functionId } });
  return (
    <SelectField
      path="assigneeId"
      label="Assign to"
      value={draft.assigneeId ?? ''}
      options={(data?.employees ?? []).map((e) => [e.id, `${e.name} (${e.email})`])}
      onChange={(assigneeId) => update({ assigneeId })}
    />
  );
}

/** A list typed one item per line (missing items, actions taken). */
function LinesField({
  path,
  label,
  draft,
  update,
}: {
  path: string;
  label: string;
  draft: ActionDraft;
  update(change: ActionDraft): void;
}) {
  return (
    <TextField
      path={path}
      label={label}
      hint="One per line"
      multiline
      value={draft.lines ?? ''}
      onChange={(text) => update({ lines: text })}
    />
  );
}

/** Each action a person can take on a referral, offered only when the API lists it in `availableActions`. */
export function ReferralActions({ referral, onReload }: { referral: PageReferral; onReload: () => void }) {
  const client = useClient();
  const base = (note: string | undefined) => ({ referralId: referral.id, expectedVersion: referral.version, note });
  const plain = <R,>(label: string, document: TypedDocumentNode<R, { input: ReferralTransitionInput }>): ActionSpec => ({
    label,
    send: (_draft, note) => client.mutation(document, { input: base(note) }).toPromise(),
  });
  const specs: Partial<Record<ReferralAction, ActionSpec>> = {
    FORWARD: plain('Forward to the receiving function', Forward),
    RETURN_INCOMPLETE: {
      label: 'Return to the originator as incomplete',
      fields: (draft, update) => <LinesField path="missingItems" label="What is missing" draft={draft} update={update} />,
      send: (draft, note) =>
        client.mutation(ReturnIncomplete, { input: { ...base(note), missingItems: lines(draft.lines ?? '') } }).toPromise(),
    },
    RESUBMIT: { label: 'Resubmit', send: (_draft, note) => client.mutation(Resubmit, { input: base(note) }).toPromise() },
    ACKNOWLEDGE: plain('Acknowledge', Acknowledge),
    RETURN_TO_ORIGINATING_LIAISON: {
      label: 'Return to the originating liaison',
      fields: (draft, update) => <LinesField path="missingItems" label="What is missing" draft={draft} update={update} />,
      send: (draft, note) =>
        client.mutation(ReturnToLiaison, { input: { ...base(note), missingItems: lines(draft.lines ?? '') } }).toPromise(),
    },
    ASSIGN: {
      label: 'Assign',
      fields: (draft, update) => <AssigneeField functionId={referral.receivingFunction.id} draft={draft} update={update} />,
      send: (draft, note) => client.mutation(Assign, { input: { ...base(note), assigneeId: draft.assigneeId ?? '' } }).toPromise(),
    },
    COMPLETE: {
      label: 'Complete',
      fields: (draft, update) => (
        <>
          <LinesField path="actionsTaken" label="Actions taken" draft={draft} update={update} />
          <TextField
            path="resolutionCode"
            label="Resolution code (optional)"
            hint="e.g. ADDED_TO_SCHEME_LIST, RTN2PROC"
            value={draft.resolutionCode ?? ''}
            onChange={(resolutionCode) => update({ resolutionCode })}
          />
        </>
      ),
      send: (draft, note) =>
        client
          .mutation(Complete, {
            input: { ...base(note), actionsTaken: lines(draft.lines ?? ''), resolutionCode: draft.resolutionCode?.trim() || undefined },
          })
          .toPromise(),
    },
    RETURN_NO_TPP_INVOLVEMENT: plain('Return: no TPP involvement', ReturnNoTpp),
    CLOSE: plain('Close', Close),
    WITHDRAW: plain('Withdraw', Withdraw),
    ELEVATE: {
      label: 'Elevate the disagreement',
      fields: (draft, update) => (
        <TextField
          path="reason"
          label="What the functions disagree about"
          multiline
          value={draft.reason ?? ''}
          onChange={(reason) => update({ reason })}
        />
      ),
      send: (draft, note) => client.mutation(Elevate, { input: { ...base(note), reason: draft.reason ?? '' } }).toPromise(),
    },
    RESOLVE_ELEVATION: {
      label: 'Record the resolution',
      fields: (draft, update) => (
        <TextField path="resolution" label="Resolution" multiline value={draft.reason ?? ''} onChange={(reason) => update({ reason })} />
      ),
      send: (draft, note) => client.mutation(ResolveElevation, { input: { ...base(note), resolution: draft.reason ?? '' } }).toPromise(),
    },
  };
  return (
    <ActionPanel<ReferralAction>
      draftKey={`referral.${referral.id}`}
      subject="referral"
      offered={referral.availableActions}
      specs={specs}
      fieldLabels={FIELD_LABELS}
      onReload={onReload}
    />
  );
}
