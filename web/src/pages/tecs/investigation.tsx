import { useCallback } from 'react';
import { Link, useParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { ActionDraft, ActionPanel } from '../../action-panel';
import { ApiErrorAlert } from '../../alert';
import { CheckboxField, SelectField } from '../../field';
import { formatInstant, humanize } from '../../format';
import { graphql } from '../../documents';
import type { InvestigationAction, InvestigationOutcome, LookoutDisposition } from '../../gql/graphql';
import { useMe } from '../../me';
import { usePageTitle } from '../../page-title';

const InvestigationDocument = graphql(`
  query InvestigationPage($id: UUID!) {
    investigation(id: $id) {
      id
      referenceNumber
      kind
      state
      version
      openedAt
      dueAt
      closedAt
      timeCritical
      escalationLevel
      outcomes
      lookoutDisposition
      availableActions
      groupManager {
        id
        name
        function {
          id
        }
      }
      revenueOfficer {
        name
      }
      collectionCase {
        caseNumber
        status
      }
      lookout {
        id
        referenceNumber
        taxpayerName
      }
      crossing {
        id
        referenceNumber
        placeOfCrossing
        crossedAt
      }
    }
  }
`);

const Officers = graphql(`
  query Officers($functionId: UUID!) {
    employees(functionId: $functionId, first: 500) {
      nodes {
        id
        name
        email
        roles
      }
    }
  }
`);

const Functions = graphql(`
  query OfficerFunctions {
    businessFunctions(first: 500) {
      id
      code
      name
    }
  }
`);

const Reissue = graphql(`
  mutation ReissueInvestigation($input: ReissueInvestigationInput!) {
    reissueInvestigation(input: $input) {
      id
      version
    }
  }
`);

const CloseInvestigation = graphql(`
  mutation CloseInvestigation($input: CloseInvestigationInput!) {
    closeInvestigation(input: $input) {
      id
      state
    }
  }
`);

const OUTCOMES: InvestigationOutcome[] = [
  'CONTACT_MADE',
  'NO_CONTACT',
  'FULL_PAYMENT_SECURED',
  'FORM_433A_SECURED',
  'LEVY_ISSUED',
  'NEW_LEVY_SOURCE',
];
const DISPOSITIONS: [LookoutDisposition, string][] = [
  ['REMAIN', 'The taxpayer remains on the lookout'],
  ['REMOVE', 'Request removal from the lookout'],
];

/** GM and RO pickers for a re-issue: the people of a function holding each role (the API checks the choice). */
function ReissueFields({
  draft,
  update,
  defaultFunctionId,
}: {
  draft: ActionDraft;
  update(c: ActionDraft): void;
  defaultFunctionId: string;
}) {
  const functionId = draft.functionId || defaultFunctionId;
  const [{ data: functions }] = useQuery({ query: Functions });
  const [{ data }] = useQuery({ query: Officers, variables: { functionId } });
  const holding = (role: string) =>
    (data?.employees.nodes ?? [])
      .filter((e) => e.roles.includes(role as never))
      .map((e): [string, string] => [e.id, `${e.name} (${e.email})`]);
  return (
    <>
      <SelectField
        path="functionId"
        label="Function"
        placeholder={false}
        value={functionId}
        options={(functions?.businessFunctions ?? []).map((f) => [f.id, `${f.name} (${f.code})`])}
        onChange={(id) => update({ functionId: id, groupManagerId: '', revenueOfficerId: '' })}
      />
      <SelectField
        path="groupManagerId"
        label="Group manager"
        value={draft.groupManagerId ?? ''}
        options={holding('GROUP_MANAGER')}
        onChange={(id) => update({ groupManagerId: id })}
      />
      <SelectField
        path="revenueOfficerId"
        label="Revenue officer"
        value={draft.revenueOfficerId ?? ''}
        options={holding('REVENUE_OFFICER')}
        onChange={(id) => update({ revenueOfficerId: id })}
      />
    </>
  );
}

function CloseFields({ draft, update }: { draft: ActionDraft; update(c: ActionDraft): void }) {
  const chosen = (draft.outcomes ?? '').split(',').filter(Boolean);
  return (
    <>
      <fieldset className="usa-fieldset">
        <legend className="usa-legend">Outcome</legend>
        {OUTCOMES.map((outcome) => (
          <CheckboxField
            key={outcome}
            path={`outcomes.${outcome}`}
            label={humanize(outcome)}
            checked={chosen.includes(outcome)}
            onChange={(on) => update({ outcomes: (on ? [...chosen, outcome] : chosen.filter((o) => o !== outcome)).join(',') })}
          />
        ))}
      </fieldset>
      <SelectField
        path="lookoutDisposition"
        label="The lookout"
        placeholder={false}
        value={(draft.lookoutDisposition as LookoutDisposition) || 'REMAIN'}
        options={DISPOSITIONS}
        onChange={(lookoutDisposition) => update({ lookoutDisposition })}
      />
    </>
  );
}

/** An OI as its GM, RO or the coordinator sees it: the crossing, the case, the due time and what they may do now. */
export function InvestigationPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const zone = me.function.timeZone;
  const client = useClient();
  const [{ data, error }, refetch] = useQuery({ query: InvestigationDocument, variables: { id } });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  const oi = data?.investigation;
  usePageTitle(oi ? `OI ${oi.referenceNumber}` : 'Other investigation');
  if (error && !oi) return <ApiErrorAlert error={error} />;
  if (!oi) return <p>Loading…</p>;
  return (
    <>
      <h1>
        {humanize(oi.kind)} {oi.referenceNumber} <span className="usa-tag">{humanize(oi.state)}</span>
      </h1>
      <p>
        {oi.timeCritical && <span className="usa-tag bg-secondary-dark margin-right-1">Time-critical</span>}
        Issued to {oi.groupManager?.name ?? '—'} (group manager) and {oi.revenueOfficer?.name ?? '—'} (revenue officer). Due{' '}
        {formatInstant(oi.dueAt, zone)}
        {oi.escalationLevel > 0 ? `; escalated to level ${oi.escalationLevel}` : ''}.
      </p>
      <div className="grid-row grid-gap">
        <section className="tablet:grid-col-6" aria-labelledby="oi-facts-heading">
          <h2 id="oi-facts-heading">The case (times in {zone})</h2>
          <dl className="hub-facts">
            <dt>Taxpayer</dt>
            <dd>{oi.lookout.taxpayerName}</dd>
            <dt>Lookout</dt>
            <dd>
              <Link to={`/lookouts/${oi.lookout.id}`}>{oi.lookout.referenceNumber}</Link>
            </dd>
            <dt>Collection case</dt>
            <dd>
              {oi.collectionCase.caseNumber} ({humanize(oi.collectionCase.status)})
            </dd>
            <dt>Crossing</dt>
            <dd>
              {oi.crossing ? (
                <>
                  <Link to={`/crossings/${oi.crossing.id}`}>{oi.crossing.referenceNumber}</Link>: {oi.crossing.placeOfCrossing},{' '}
                  {formatInstant(oi.crossing.crossedAt, zone)}
                </>
              ) : (
                '—'
              )}
            </dd>
            <dt>Opened</dt>
            <dd>{formatInstant(oi.openedAt, zone)}</dd>
            {oi.closedAt && (
              <>
                <dt>Closed</dt>
                <dd>
                  {formatInstant(oi.closedAt, zone)}: {(oi.outcomes ?? []).map(humanize).join(', ')}; lookout:{' '}
                  {humanize(oi.lookoutDisposition ?? '')}
                </dd>
              </>
            )}
          </dl>
        </section>
        <div className="tablet:grid-col-6">
          <ActionPanel<InvestigationAction>
            draftKey={`investigation.${oi.id}`}
            subject="OI"
            offered={oi.availableActions}
            onReload={reload}
            fieldLabels={{
              groupManagerId: 'Group manager',
              revenueOfficerId: 'Revenue officer',
              outcomes: 'Outcome',
              lookoutDisposition: 'The lookout',
            }}
            specs={{
              REISSUE: {
                label: 'Re-issue',
                fields: (draft, update) => (
                  <ReissueFields draft={draft} update={update} defaultFunctionId={oi.groupManager?.function.id ?? ''} />
                ),
                send: (draft, note) =>
                  client
                    .mutation(Reissue, {
                      input: {
                        investigationId: oi.id,
                        groupManagerId: draft.groupManagerId ?? '',
                        revenueOfficerId: draft.revenueOfficerId ?? '',
                        note,
                      },
                    })
                    .toPromise(),
              },
              CLOSE: {
                label: 'Close the OI',
                fields: (draft, update) => <CloseFields draft={draft} update={update} />,
                send: (draft, note) =>
                  client
                    .mutation(CloseInvestigation, {
                      input: {
                        investigationId: oi.id,
                        outcomes: (draft.outcomes ?? '').split(',').filter(Boolean) as InvestigationOutcome[],
                        lookoutDisposition: (draft.lookoutDisposition || 'REMAIN') as LookoutDisposition,
                        note,
                      },
                    })
                    .toPromise(),
              },
            }}
          />
        </div>
      </div>
    </>
  );
}
