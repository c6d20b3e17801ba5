import { useCallback } from 'react';
import { useParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { ActionPanel, ActionSpec } from '../../action-panel';
import { ApiErrorAlert } from '../../alert';
import { TextField } from '../../field';
import { formatDollars, formatInstant, humanize } from '../../format';
import { graphql } from '../../documents';
import type { LookoutAction } from '../../gql/graphql';
import { useMe } from '../../me';
import { usePageTitle } from '../../page-title';

const LookoutDocument = graphql(`
  query LookoutPage($id: UUID!) {
    lookout(id: $id) {
      id
      referenceNumber
      state
      version
      taxpayerName
      tinMasked
      tinType
      dateOfBirth
      address
      balanceDue
      international
      criteriaMet
      contactFacts
      closureCode
      returnReason
      tecsRecordReference
      enteredAt
      removedAt
      createdAt
      availableActions
      taxPeriods {
        mft
        taxPeriod
      }
      revenueOfficer {
        name
      }
      groupManager {
        name
      }
      collectionCase {
        caseNumber
        status
      }
    }
  }
`);

const Approve = graphql(`
  mutation ApproveLookout($input: LookoutTransitionInput!) {
    approveLookoutRequest(input: $input) {
      id
      state
    }
  }
`);
const ReturnToRo = graphql(`
  mutation ReturnLookout($input: LookoutTransitionInput!) {
    returnLookoutRequest(input: $input) {
      id
      state
    }
  }
`);
const Accept = graphql(`
  mutation AcceptLookout($input: LookoutTransitionInput!) {
    acceptLookout(input: $input) {
      id
      state
    }
  }
`);
const Decline = graphql(`
  mutation DeclineLookout($input: LookoutTransitionInput!) {
    declineLookout(input: $input) {
      id
      state
    }
  }
`);
const ConfirmEntry = graphql(`
  mutation ConfirmLookoutEntry($input: ConfirmLookoutEntryInput!) {
    confirmLookoutEntry(input: $input) {
      id
      state
    }
  }
`);
const RequestRemoval = graphql(`
  mutation RequestLookoutRemoval($input: LookoutTransitionInput!) {
    requestLookoutRemoval(input: $input) {
      id
      state
    }
  }
`);
const ForwardRemoval = graphql(`
  mutation ForwardLookoutRemoval($input: LookoutTransitionInput!) {
    forwardLookoutRemoval(input: $input) {
      id
      state
    }
  }
`);
const ConfirmRemoval = graphql(`
  mutation ConfirmLookoutRemoval($input: LookoutTransitionInput!) {
    confirmLookoutRemoval(input: $input) {
      id
      state
    }
  }
`);
const ConfirmRemains = graphql(`
  mutation ConfirmLookoutRemains($input: LookoutTransitionInput!) {
    confirmLookoutRemains(input: $input) {
      id
      state
    }
  }
`);

/** A lookout (Form 6668) and what its GM, the coordinator, CI or its RO may do with it now. */
export function LookoutPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const zone = me.function.timeZone;
  const client = useClient();
  const [{ data, error }, refetch] = useQuery({ query: LookoutDocument, variables: { id } });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  const lookout = data?.lookout;
  usePageTitle(lookout ? `Lookout ${lookout.referenceNumber}` : 'Lookout');
  if (error && !lookout) return <ApiErrorAlert error={error} />;
  if (!lookout) return <p>Loading…</p>;
  const input = (note: string | undefined) => ({ lookoutId: lookout.id, expectedVersion: lookout.version, note });
  const REASON = 'Reason';
  const specs: Partial<Record<LookoutAction, ActionSpec>> = {
    APPROVE: { label: 'Approve', send: (_d, note) => client.mutation(Approve, { input: input(note) }).toPromise() },
    RETURN_TO_RO: {
      label: 'Return to the revenue officer',
      noteLabel: REASON,
      send: (_d, note) => client.mutation(ReturnToRo, { input: input(note) }).toPromise(),
    },
    ACCEPT: { label: 'Accept and send to CI', send: (_d, note) => client.mutation(Accept, { input: input(note) }).toPromise() },
    DECLINE: {
      label: 'Decline: criteria not met',
      noteLabel: REASON,
      send: (_d, note) => client.mutation(Decline, { input: input(note) }).toPromise(),
    },
    CONFIRM_ENTRY: {
      label: 'Confirm entry into TECS',
      fields: (draft, update) => (
        <TextField
          path="tecsRecordReference"
          label="TECS record reference"
          value={draft.tecsRecordReference ?? ''}
          onChange={(tecsRecordReference) => update({ tecsRecordReference })}
        />
      ),
      send: (draft, note) =>
        client.mutation(ConfirmEntry, { input: { ...input(note), tecsRecordReference: draft.tecsRecordReference ?? '' } }).toPromise(),
    },
    REQUEST_REMOVAL: {
      label: 'Request removal',
      noteLabel: REASON,
      send: (_d, note) => client.mutation(RequestRemoval, { input: input(note) }).toPromise(),
    },
    FORWARD_REMOVAL: {
      label: 'Forward the removal to CI',
      send: (_d, note) => client.mutation(ForwardRemoval, { input: input(note) }).toPromise(),
    },
    CONFIRM_REMOVAL: {
      label: 'Confirm removal from TECS',
      send: (_d, note) => client.mutation(ConfirmRemoval, { input: input(note) }).toPromise(),
    },
    CONFIRM_REMAINS: {
      label: 'Confirm the taxpayer remains',
      send: (_d, note) => client.mutation(ConfirmRemains, { input: input(note) }).toPromise(),
    },
  };
  const facts: [string, string][] = [
    ['Taxpayer', `${lookout.taxpayerName} (${lookout.international ? 'international' : 'domestic'})`],
    ['TIN', `${lookout.tinMasked} (${lookout.tinType})`],
    ['Date of birth', lookout.dateOfBirth],
    ['Address', lookout.address],
    ['Balance due', formatDollars(lookout.balanceDue)],
    ['Tax periods', lookout.taxPeriods.map((p) => `MFT ${p.mft} ${p.taxPeriod}`).join(', ')],
    ['Criteria met', lookout.criteriaMet.join('; ')],
    ['Why contact cannot otherwise be made', lookout.contactFacts],
    ['Revenue officer', lookout.revenueOfficer?.name ?? '—'],
    ['Group manager', lookout.groupManager?.name ?? '—'],
    ['Collection case', `${lookout.collectionCase.caseNumber} (${humanize(lookout.collectionCase.status)})`],
    ['Requested', formatInstant(lookout.createdAt, zone)],
    ['In TECS', lookout.tecsRecordReference ? `${lookout.tecsRecordReference}, ${formatInstant(lookout.enteredAt, zone)}` : '—'],
  ];
  if (lookout.returnReason) facts.push(['Returned or declined because', lookout.returnReason]);
  if (lookout.removedAt) facts.push(['Removed', formatInstant(lookout.removedAt, zone)]);
  return (
    <>
      <h1>
        Lookout {lookout.referenceNumber} <span className="usa-tag">{humanize(lookout.state)}</span>
      </h1>
      <div className="grid-row grid-gap">
        <section className="tablet:grid-col-6" aria-labelledby="lookout-facts-heading">
          <h2 id="lookout-facts-heading">Form 6668 (times in {zone})</h2>
          <dl className="hub-facts">
            {facts.map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </section>
        <div className="tablet:grid-col-6">
          <ActionPanel<LookoutAction>
            draftKey={`lookout.${lookout.id}`}
            subject="lookout"
            offered={lookout.availableActions}
            onReload={reload}
            fieldLabels={{ tecsRecordReference: 'TECS record reference' }}
            specs={specs}
          />
        </div>
      </div>
    </>
  );
}
