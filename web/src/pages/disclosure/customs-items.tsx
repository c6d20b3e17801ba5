import { FormEvent, useState } from 'react';
import { useClient } from 'urql';
import { ApiErrorAlert } from '../../alert';
import { ErrorSummary, FieldErrorsContext, TextField } from '../../field';
import { graphql } from '../../documents';
import type { CustomsItemDecision } from '../../gql/graphql';
import type { PageCustomsRequest } from './customs-request-query';
import { RadioField } from './choice-fields';
import { useStepForm } from './step-form';

const DecideCustomsItem = graphql(`
  mutation DecideCustomsItem($input: DecideCustomsItemInput!) {
    decideCustomsItem(input: $input) {
      id
      state
      version
    }
  }
`);

type Item = PageCustomsRequest['items'][number];

/** One item's approve / deny: approval only when every screen passed for it (the API names each one missing). */
function DecideItemForm({ request, item, onDone }: { request: PageCustomsRequest; item: Item; onDone(): void }) {
  const client = useClient();
  const prefix = `item${item.number}`;
  const step = useStepForm(prefix);
  const [decision, setDecision] = useState<CustomsItemDecision | ''>('');
  const [reason, setReason] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const done = await step.run(() =>
      client
        .mutation(DecideCustomsItem, {
          input: {
            requestId: request.id,
            expectedVersion: request.version,
            itemNumber: item.number,
            decision: decision as CustomsItemDecision,
            reason: reason.trim() || undefined,
          },
        })
        .toPromise(),
    );
    if (done) {
      setReason('');
      onDone();
    }
  }

  return (
    <FieldErrorsContext.Provider value={step.fieldErrors}>
      <form ref={step.form} className="usa-form" onSubmit={submit} aria-label={`Decide item ${item.number}`}>
        <ErrorSummary
          problems={step.fieldErrors.map((e) => ({
            path: e.field,
            label: e.field.endsWith('reason') ? 'Why' : 'Decision',
            message: e.message,
          }))}
        />
        {step.error && step.fieldErrors.length === 0 && <ApiErrorAlert error={step.error} />}
        <RadioField
          path={`${prefix}.decision`}
          legend={`Decision on item ${item.number}`}
          value={decision}
          options={[
            ['APPROVED', 'Approve'],
            ['DENIED', 'Deny'],
          ]}
          onChange={(d) => setDecision(d)}
        />
        <TextField path={`${prefix}.reason`} label="Why (required to deny; internal)" multiline value={reason} onChange={setReason} />
        <button className="usa-button margin-top-1" type="submit" disabled={step.sending || !decision}>
          Decide item {item.number}
        </button>
      </form>
    </FieldErrorsContext.Provider>
  );
}

/** The items Customs asked for (paragraphs (b)(1), (3), (4)) with their decisions; decided one by one when the API offers it. */
export function CustomsItems({ request, deciding, onDone }: { request: PageCustomsRequest; deciding: boolean; onDone(): void }) {
  return (
    <ol className="usa-list usa-list--unstyled">
      {request.items.map((item) => (
        <li key={item.number} className="border-top border-base-lighter padding-y-2">
          <h3 className="margin-top-0">
            Item {item.number}: {item.description}
          </h3>
          <dl className="hub-facts">
            <dt>Taxable period or date</dt>
            <dd>{item.taxPeriod}</dd>
            <dt>Purpose</dt>
            <dd>{item.purpose}</dd>
            <dt>How it is necessary</dt>
            <dd>{item.necessity}</dd>
            <dt>Decision</dt>
            <dd>
              {item.decision === 'APPROVED'
                ? 'Approved'
                : item.decision === 'DENIED'
                  ? `Denied: ${item.decisionReason ?? ''}`
                  : 'Not decided'}
            </dd>
          </dl>
          {deciding && <DecideItemForm request={request} item={item} onDone={onDone} />}
        </li>
      ))}
    </ol>
  );
}
