import { FormEvent, useRef, useState } from 'react';
import { CombinedError, useClient, useQuery } from 'urql';
import { Alert, ApiErrorAlert } from '../../alert';
import { fieldErrorsOf } from '../../api-errors';
import { useDraft } from '../../drafts';
import { CheckboxField, ErrorSummary, FieldErrorsContext, TextField, useFocusFirstError } from '../../field';
import { formatLocalDate } from '../../format';
import { graphql } from '../../documents';
import type { ClosureChangeKind, ClosureInput } from '../../gql/graphql';
import { usePageTitle } from '../../page-title';

// Fragments the operations below spread by name (codegen reads them from here; nothing refers to the value).
/** What the page shows of a closure. */
graphql(`
  fragment ClosureFields on Closure {
    id
    startDate
    endDate
    nationwide
    reason
    functions {
      id
      code
    }
  }
`);

/** A change answers with the closure and its history, whose last entry says what the change moved. */
graphql(`
  fragment ClosureChangeFields on Closure {
    ...ClosureFields
    history(first: 500) {
      change
      referralClocksMoved
      investigationsMoved
      breachesWithdrawn
    }
  }
`);

/** The closures a period lists at most (each may name many functions, and the API prices a query by what it can return). */
const CLOSURES_SHOWN = 20;

const ClosuresDocument = graphql(`
  query Closures($from: LocalDate!, $to: LocalDate!, $first: Int!) {
    closures(from: $from, to: $to, first: $first) {
      nodes {
        ...ClosureFields
      }
    }
  }
`);

const ClosureFunctions = graphql(`
  query ClosureFunctions {
    businessFunctions(first: 500) {
      id
      code
      name
    }
  }
`);

const AddClosure = graphql(`
  mutation AddClosure($input: ClosureInput!) {
    addClosure(input: $input) {
      ...ClosureChangeFields
    }
  }
`);

const UpdateClosure = graphql(`
  mutation UpdateClosure($id: UUID!, $input: ClosureInput!) {
    updateClosure(id: $id, input: $input) {
      ...ClosureChangeFields
    }
  }
`);

const RemoveClosure = graphql(`
  mutation RemoveClosure($id: UUID!) {
    removeClosure(id: $id) {
      ...ClosureChangeFields
    }
  }
`);

interface ClosureDraft {
  /** The closure being corrected; empty when adding one. */
  id: string;
  startDate: string;
  endDate: string;
  nationwide: boolean;
  functionIds: string[];
  reason: string;
}

const EMPTY: ClosureDraft = { id: '', startDate: '', endDate: '', nationwide: true, functionIds: [], reason: '' };

const LABELS: Record<string, string> = {
  startDate: 'First closed day',
  endDate: 'Last closed day',
  functionIds: 'Closed functions',
  reason: 'Reason',
};

const CHANGED: Record<ClosureChangeKind, string> = { ADDED: 'Added', UPDATED: 'Corrected', REMOVED: 'Removed' };

interface Effect {
  change: ClosureChangeKind;
  referralClocksMoved: number;
  investigationsMoved: number;
  breachesWithdrawn: number;
}

/** What a closure change did to open clocks, as the hub recorded it (Closure.history). */
function effectText(e: Effect): string {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return `${CHANGED[e.change]}: ${plural(e.referralClocksMoved, 'referral clock', 'referral clocks')} moved, ${plural(
    e.investigationsMoved,
    'OI',
    'OIs',
  )} moved, ${plural(e.breachesWithdrawn, 'breach', 'breaches')} withdrawn.`;
}

/** A year around today, in the admin's browser: which closures to list (the API takes any period). */
function defaultPeriod(): { from: string; to: string } {
  const today = new Date();
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return { from: iso(new Date(today.getTime() - 90 * 86400_000)), to: iso(new Date(today.getTime() + 365 * 86400_000)) };
}

/** The closures calendar: executive-order days off and site closures, which business-day clocks skip (IRM 10.5.3.3.7). */
export function ClosuresPage() {
  usePageTitle('Closures');
  const client = useClient();
  const [period, setPeriod] = useState(defaultPeriod);
  const [{ data, error }, refetch] = useQuery({ query: ClosuresDocument, variables: { ...period, first: CLOSURES_SHOWN } });
  const [{ data: functionList }] = useQuery({ query: ClosureFunctions });
  const [draft, setDraft, discardDraft] = useDraft<ClosureDraft>('closure', EMPTY);
  const [problem, setProblem] = useState<CombinedError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, problem);
  const update = (change: Partial<ClosureDraft>) => setDraft({ ...draft, ...change });
  const fieldErrors = fieldErrorsOf(problem ?? undefined).map((e) => ({ ...e, field: e.field.replace(/^input\./, '') }));

  async function finished(result: { error?: CombinedError; data?: unknown }, history?: readonly Effect[]) {
    if (result.error) {
      setProblem(result.error);
      return;
    }
    setProblem(null);
    const last = history?.[history.length - 1];
    setDone(last ? effectText(last) : 'Done.');
    discardDraft();
    refetch({ requestPolicy: 'network-only' });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input: ClosureInput = {
      startDate: draft.startDate,
      endDate: draft.endDate || undefined,
      nationwide: draft.nationwide,
      functionIds: draft.nationwide ? undefined : draft.functionIds,
      reason: draft.reason,
    };
    if (draft.id) {
      const result = await client.mutation(UpdateClosure, { id: draft.id, input }).toPromise();
      return finished(result, result.data?.updateClosure.history);
    }
    const result = await client.mutation(AddClosure, { input }).toPromise();
    return finished(result, result.data?.addClosure.history);
  }

  async function remove(id: string) {
    const result = await client.mutation(RemoveClosure, { id }).toPromise();
    return finished(result, result.data?.removeClosure.history);
  }

  const functions = functionList?.businessFunctions ?? [];
  return (
    <>
      <h1>Closures</h1>
      <p>
        A closed day is skipped by every business-day clock of the functions in scope (review, acknowledgment, OIs without a departure
        date); calendar-day clocks keep their due times. Each change re-times the open clocks at once and says what it moved.
      </p>
      {done && (
        <Alert kind="success">
          <p className="usa-alert__text">{done}</p>
        </Alert>
      )}
      <FieldErrorsContext.Provider value={fieldErrors}>
        <form
          ref={form}
          className="usa-form usa-form--large"
          onSubmit={submit}
          aria-label={draft.id ? 'Correct the closure' : 'Add a closure'}
        >
          <h2>{draft.id ? 'Correct the closure' : 'Add a closure'}</h2>
          {problem && (
            <ErrorSummary
              problems={
                fieldErrors.length ? fieldErrors.map((e) => ({ path: e.field, label: LABELS[e.field] ?? e.field, message: e.message })) : []
              }
            />
          )}
          {problem && fieldErrors.length === 0 && <ApiErrorAlert error={problem} />}
          <TextField
            path="startDate"
            label="First closed day"
            hint="YYYY-MM-DD"
            value={draft.startDate}
            onChange={(startDate) => update({ startDate })}
          />
          <TextField
            path="endDate"
            label="Last closed day (optional)"
            hint="YYYY-MM-DD; empty for a single day"
            value={draft.endDate}
            onChange={(endDate) => update({ endDate })}
          />
          <CheckboxField
            path="nationwide"
            label="Nationwide (every function)"
            checked={draft.nationwide}
            onChange={(nationwide) => update({ nationwide })}
          />
          {!draft.nationwide && (
            <fieldset className="usa-fieldset">
              <legend className="usa-legend">Closed functions</legend>
              {functions.map((f) => (
                <CheckboxField
                  key={f.id}
                  path={`functionIds.${f.code}`}
                  label={`${f.name} (${f.code})`}
                  checked={draft.functionIds.includes(f.id)}
                  onChange={(on) =>
                    update({ functionIds: on ? [...draft.functionIds, f.id] : draft.functionIds.filter((id) => id !== f.id) })
                  }
                />
              ))}
            </fieldset>
          )}
          <TextField
            path="reason"
            label="Reason"
            hint='e.g. "Executive order: Christmas Eve"'
            value={draft.reason}
            onChange={(reason) => update({ reason })}
          />
          <button className="usa-button margin-top-2" type="submit">
            {draft.id ? 'Save the correction' : 'Add the closure'}
          </button>
          {draft.id && (
            <button type="button" className="usa-button usa-button--unstyled margin-left-2" onClick={discardDraft}>
              Cancel
            </button>
          )}
        </form>
      </FieldErrorsContext.Provider>
      <h2>
        Closures from {formatLocalDate(period.from)} to {formatLocalDate(period.to)}
      </h2>
      <div className="grid-row grid-gap">
        <div className="grid-col-auto">
          <TextField
            path="period.from"
            label="From"
            hint="YYYY-MM-DD"
            value={period.from}
            onChange={(from) => setPeriod({ ...period, from })}
          />
        </div>
        <div className="grid-col-auto">
          <TextField path="period.to" label="To" hint="YYYY-MM-DD" value={period.to} onChange={(to) => setPeriod({ ...period, to })} />
        </div>
      </div>
      {error && <ApiErrorAlert error={error} />}
      {data && data.closures.nodes.length === 0 && <p>No closures in this period.</p>}
      {data && data.closures.nodes.length === CLOSURES_SHOWN && (
        <p>Showing the first {CLOSURES_SHOWN} closures of the period: choose a shorter one to see the rest.</p>
      )}
      {data && data.closures.nodes.length > 0 && (
        <table className="usa-table usa-table--borderless width-full">
          <caption className="usa-sr-only">Closures, earliest first</caption>
          <thead>
            <tr>
              <th scope="col">Days</th>
              <th scope="col">Where</th>
              <th scope="col">Reason</th>
              <th scope="col">
                <span className="usa-sr-only">Change</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.closures.nodes.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  {formatLocalDate(c.startDate)}
                  {c.endDate !== c.startDate ? ` to ${formatLocalDate(c.endDate)}` : ''}
                </th>
                <td>{c.nationwide ? 'Nationwide' : c.functions.map((f) => f.code).join(', ')}</td>
                <td>{c.reason}</td>
                <td>
                  <button
                    type="button"
                    className="usa-button usa-button--outline"
                    onClick={() =>
                      setDraft({
                        id: c.id,
                        startDate: c.startDate,
                        endDate: c.endDate,
                        nationwide: c.nationwide,
                        functionIds: c.functions.map((f) => f.id),
                        reason: c.reason,
                      })
                    }
                  >
                    Correct<span className="usa-sr-only"> the closure of {c.startDate}</span>
                  </button>
                  <button type="button" className="usa-button usa-button--secondary" onClick={() => void remove(c.id)}>
                    Remove<span className="usa-sr-only"> the closure of {c.startDate}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
