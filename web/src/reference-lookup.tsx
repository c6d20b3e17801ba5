import { FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { AnyVariables, OperationResult, TypedDocumentNode, useClient } from 'urql';
import { errorCode, humanMessage } from './api-errors';
import { graphql } from './documents';

const ReferralByNumber = graphql(`
  query ReferralByNumber($referenceNumber: String!) {
    referral(referenceNumber: $referenceNumber) {
      id
    }
  }
`);
const LookoutByNumber = graphql(`
  query LookoutByNumber($referenceNumber: String!) {
    lookout(referenceNumber: $referenceNumber) {
      id
    }
  }
`);
const InvestigationByNumber = graphql(`
  query InvestigationByNumber($referenceNumber: String!) {
    investigation(referenceNumber: $referenceNumber) {
      id
    }
  }
`);
const CrossingByNumber = graphql(`
  query CrossingByNumber($referenceNumber: String!) {
    crossing(referenceNumber: $referenceNumber) {
      id
    }
  }
`);

type ById = TypedDocumentNode<Record<string, { id: string }>, { referenceNumber: string }>;

/** What a reference number's prefix says it is (the hub issues `<prefix>-<year>-<six digits>`), and its page. */
const KINDS: Record<string, { query: ById; field: string; page: string }> = {
  '14566': { query: ReferralByNumber, field: 'referral', page: '/referrals' },
  '4442': { query: ReferralByNumber, field: 'referral', page: '/referrals' },
  '3210': { query: ReferralByNumber, field: 'referral', page: '/referrals' },
  '6668': { query: LookoutByNumber, field: 'lookout', page: '/lookouts' },
  OI: { query: InvestigationByNumber, field: 'investigation', page: '/investigations' },
  CR: { query: CrossingByNumber, field: 'crossing', page: '/crossings' },
};

const NOT_A_NUMBER =
  'is not a reference number the hub issues: they start with 14566, 4442 or 3210 (referrals), 6668 (lookouts), OI or CR, e.g. 14566-2026-000042';

/** Why nothing opened, in a sentence. */
function lookupProblem(number: string, result: OperationResult<unknown, AnyVariables>): string {
  if (errorCode(result.error) === 'NOT_FOUND') return `Nothing has the reference number ${number}, or you may not see it.`;
  return humanMessage(result.error!);
}

/**
 * The header's "look up by reference number" box: the number people quote on the phone and in e-mail opens its
 * referral, lookout, OI or crossing page (the API's lookup, with its visibility rule), or says nothing was found.
 */
export function ReferenceLookup() {
  const client = useClient();
  const navigate = useNavigate();
  const [number, setNumber] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  async function lookUp(event: FormEvent) {
    event.preventDefault();
    const referenceNumber = number.trim().toUpperCase();
    const kind = KINDS[referenceNumber.split('-')[0]];
    if (!kind) return setProblem(`“${number.trim()}” ${NOT_A_NUMBER}.`);
    const result = await client.query(kind.query, { referenceNumber }, { requestPolicy: 'network-only' }).toPromise();
    const found = result.data?.[kind.field];
    if (!found) return setProblem(lookupProblem(referenceNumber, result));
    setProblem(null);
    setNumber('');
    navigate(`${kind.page}/${found.id}`);
  }

  return (
    <div className="hub-lookup">
      <form className="usa-search" role="search" onSubmit={lookUp} aria-label="Look up by reference number">
        <label className="usa-sr-only" htmlFor="reference-lookup">
          Reference number
        </label>
        <input
          className="usa-input"
          id="reference-lookup"
          type="search"
          placeholder="e.g. 4442-2026-000042"
          value={number}
          aria-describedby={problem ? 'reference-lookup-problem' : undefined}
          aria-invalid={problem ? true : undefined}
          onChange={(e) => (setNumber(e.target.value), setProblem(null))}
        />
        <button className="usa-button" type="submit">
          <span className="usa-search__submit-text">Look up</span>
        </button>
      </form>
      {problem && (
        <span className="usa-error-message" id="reference-lookup-problem" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}
