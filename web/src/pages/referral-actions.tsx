import { TypedDocumentNode, useClient, useQuery } from 'urql';
import { ActionDraft, ActionPanel, ActionSpec } from '../action-panel';
import { SelectField, TextField } from '../field';
import { lines } from '../input';
import { graphql } from '../documents';
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

const CheckOut = graphql(`
  mutation CheckOut($input: ReferralTransitionInput!) {
    checkOutReferral(input: $input) {
      id
      version
      state
    }
  }
`);
const OpenControl = graphql(`
  mutation OpenControl($input: ReferralTransitionInput!) {
    openReferralControl(input: $input) {
      id
      version
      state
    }
  }
`);
const Monitor = graphql(`
  mutation Monitor($input: MonitorReferralInput!) {
    monitorReferral(input: $input) {
      id
      version
      state
    }
  }
`);
const ResumeWork = graphql(`
  mutation ResumeWork($input: ReferralTransitionInput!) {
    resumeReferralWork(input: $input) {
      id
      version
      state
    }
  }
`);
const CloseAsMisroute = graphql(`
  mutation CloseAsMisroute($input: CloseAsMisrouteInput!) {
    closeReferralAsMisroute(input: $input) {
      id
      version
      state
    }
  }
`);

const Assignees = graphql(`
  query Assignees($functionId: UUID!) {
    employees(functionId: $functionId, first: 100) {
      nodes {
        id
        name
        email
      }
    }
  }
`);

const FIELD_LABELS: Record<string, string> = {
  assigneeId: 'Assign to',
  missingItems: 'What is missing',
  actionsTaken: 'Actions taken',
  misrouteCode: 'Where it was routed',
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
      options={(data?.employees.nodes ?? []).map((e) => [e.id, `${e.name} (${e.email})`])}
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

/** A picker of the codes the API names for this referral (closing activity, resolution, misroute codes), each as "CODE — meaning". */
function CodeField({
  path,
  label,
  codes,
  draft,
  update,
}: {
  path: string;
  label: string;
  codes: readonly { code: string; meaning: string }[];
  draft: ActionDraft;
  update(change: ActionDraft): void;
}) {
  return (
    <SelectField
      path={path}
      label={label}
      value={draft[path] ?? ''}
      options={codes.map(({ code, meaning }) => [code, `${code} — ${meaning}`])}
      onChange={(code) => update({ [path]: code })}
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
  // Forms 4442 and 3210 go to RIVO, which closes a control with a closing activity code (Exhibit 25.25.6-9).
  const rivo = referral.form !== 'F14566';
  const codeLabel = `${rivo ? 'Closing activity code' : 'Resolution code'}${referral.resolutionCodeRequired ? '' : ' (optional)'}`;
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
      label: rivo ? 'Close the control' : 'Complete',
      labels: { resolutionCode: codeLabel },
      fields: (draft, update) => (
        <>
          <LinesField path="actionsTaken" label="Actions taken" draft={draft} update={update} />
          <CodeField path="resolutionCode" label={codeLabel} codes={referral.resolutionCodeOptions} draft={draft} update={update} />
        </>
      ),
      send: (draft, note) =>
        client
          .mutation(Complete, {
            input: { ...base(note), actionsTaken: lines(draft.lines ?? ''), resolutionCode: draft.resolutionCode || undefined },
          })
          .toPromise(),
    },
    CHECK_OUT: plain('Check out', CheckOut),
    OPEN_CONTROL: plain('Open a control', OpenControl),
    MONITOR: {
      label: 'Monitor',
      labels: { reason: 'What the control waits for' },
      fields: (draft, update) => (
        <TextField
          path="reason"
          label="What the control waits for"
          hint="e.g. MFT32REV: return moving from MFT 32 to MFT 30"
          value={draft.reason ?? ''}
          onChange={(reason) => update({ reason })}
        />
      ),
      send: (draft, note) => client.mutation(Monitor, { input: { ...base(note), reason: draft.reason ?? '' } }).toPromise(),
    },
    RESUME_WORK: plain('Resume work', ResumeWork),
    CLOSE_AS_MISROUTE: {
      label: 'Close as a misroute',
      fields: (draft, update) => (
        <CodeField path="misrouteCode" label="Where it was routed" codes={referral.misrouteCodeOptions} draft={draft} update={update} />
      ),
      send: (draft, note) =>
        client.mutation(CloseAsMisroute, { input: { ...base(note), misrouteCode: draft.misrouteCode ?? '' } }).toPromise(),
    },
    RETURN_NO_TPP_INVOLVEMENT: plain('Return to the sender: no TPP involvement', ReturnNoTpp),
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
