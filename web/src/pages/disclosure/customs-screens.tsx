import { FormEvent, useState } from 'react';
import { useClient } from 'urql';
import { ApiErrorAlert } from '../../alert';
import { ErrorSummary, FieldErrorsContext, SelectField, TextField } from '../../field';
import { formatInstant } from '../../format';
import { graphql } from '../../documents';
import type { CustomsScreen } from '../../gql/graphql';
import { SCREENS } from './customs-labels';
import type { PageCustomsRequest } from './customs-request-query';
import { useColleagueNames } from './disclosure-timeline';
import { RadioField } from './choice-fields';
import { useStepForm } from './step-form';

const AnswerCustomsScreen = graphql(`
  mutation AnswerCustomsScreen($input: AnswerCustomsScreenInput!) {
    answerCustomsScreen(input: $input) {
      id
      state
      version
    }
  }
`);

/** Each screen the request needs: (a) and (e) once, (c) and (d) per item. */
function screenRows(request: PageCustomsRequest) {
  return SCREENS.flatMap(({ screen, label, perItem }) =>
    (perItem ? request.items.map((item) => item.number) : [null]).map((itemNumber) => ({
      screen,
      label,
      itemNumber,
      answer: request.screenAnswers.find((a) => a.screen === screen && (a.itemNumber ?? null) === itemNumber),
    })),
  );
}

/** The latest answer to every screen of 26 CFR 301.6103(l)(14)-1 (a), (c), (d), (e), with who and why. */
export function ScreenAnswers({ request, timeZone }: { request: PageCustomsRequest; timeZone: string }) {
  const nameOf = useColleagueNames();
  return (
    <table className="usa-table usa-table--borderless width-full">
      <caption>Screens of 26 CFR 301.6103(l)(14)-1 (the latest answer to each counts)</caption>
      <thead>
        <tr>
          <th scope="col">Screen</th>
          <th scope="col">For</th>
          <th scope="col">Answer</th>
          <th scope="col">Why</th>
          <th scope="col">Who, when</th>
        </tr>
      </thead>
      <tbody>
        {screenRows(request).map(({ screen, label, itemNumber, answer }) => (
          <tr key={`${screen}-${itemNumber}`}>
            <th scope="row">{label}</th>
            <td>{itemNumber === null ? 'The request' : `Item ${itemNumber}`}</td>
            <td>{answer ? (answer.passed ? 'Passed' : 'Barred') : 'Not answered'}</td>
            <td>{answer?.reason ?? '—'}</td>
            <td>{answer ? `${nameOf(answer.answeredById)}, ${formatInstant(answer.answeredAt, timeZone)}` : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const LABELS: Record<string, string> = { screen: 'Screen', itemNumber: 'Item', passed: 'Answer', reason: 'Why' };

/** A disclosure officer answers one screen, with why; offered while the request is received or under review. */
export function AnswerScreenForm({ request, onDone }: { request: PageCustomsRequest; onDone(): void }) {
  const client = useClient();
  const step = useStepForm('answer');
  const [screen, setScreen] = useState<CustomsScreen | ''>('');
  const [itemNumber, setItemNumber] = useState('');
  const [passed, setPassed] = useState<'yes' | 'no' | ''>('');
  const [reason, setReason] = useState('');
  const perItem = SCREENS.find((s) => s.screen === screen)?.perItem ?? false;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const done = await step.run(() =>
      client
        .mutation(AnswerCustomsScreen, {
          input: {
            requestId: request.id,
            expectedVersion: request.version,
            screen: screen as CustomsScreen,
            itemNumber: perItem && itemNumber ? Number(itemNumber) : undefined,
            passed: passed === 'yes',
            reason,
          },
        })
        .toPromise(),
    );
    if (!done) return;
    setReason('');
    setPassed('');
    onDone();
  }

  return (
    <FieldErrorsContext.Provider value={step.fieldErrors}>
      <form ref={step.form} className="usa-form usa-form--large" onSubmit={submit} aria-label="Answer a screen">
        <h3>Answer a screen</h3>
        <ErrorSummary
          problems={step.fieldErrors.map((e) => ({
            path: e.field,
            label: LABELS[e.field.replace(/^answer\./, '')] ?? e.field,
            message: e.message,
          }))}
        />
        {step.error && step.fieldErrors.length === 0 && <ApiErrorAlert error={step.error} />}
        <SelectField
          path="answer.screen"
          label="Screen"
          value={screen}
          options={SCREENS.map((s): [CustomsScreen, string] => [s.screen, s.label])}
          onChange={(s) => setScreen(s)}
        />
        {perItem && (
          <SelectField
            path="answer.itemNumber"
            label="Item"
            value={itemNumber}
            options={request.items.map((item): [string, string] => [String(item.number), `Item ${item.number}: ${item.description}`])}
            onChange={setItemNumber}
          />
        )}
        <RadioField
          path="answer.passed"
          legend="Answer"
          value={passed}
          options={[
            ['yes', 'Passed'],
            ['no', 'Barred: disclosure may not go ahead'],
          ]}
          onChange={(p) => setPassed(p)}
        />
        <TextField path="answer.reason" label="Why (internal)" multiline value={reason} onChange={setReason} />
        <button className="usa-button margin-top-2" type="submit" disabled={step.sending || !screen || !passed}>
          Record the answer
        </button>
      </form>
    </FieldErrorsContext.Provider>
  );
}
