import { humanize } from '../format';
import { graphql } from '../documents';
import type { PostalAddressFieldsFragment, ReferralPageQuery } from '../gql/graphql';

/** @public Collected by codegen; the documents spread it by name, so nothing imports it. */
export const PostalAddressFields = graphql(`
  fragment PostalAddressFields on PostalAddress {
    line1
    line2
    city
    state
    zip
  }
`);

type Content = ReferralPageQuery['referral']['content'];
const addressText = (a: PostalAddressFieldsFragment) => [a.line1, a.line2, `${a.city}, ${a.state} ${a.zip}`].filter(Boolean).join(', ');

function Facts({ facts }: { facts: [string, string | null | undefined][] }) {
  return (
    <dl className="hub-facts">
      {facts.map(([term, value]) => (
        <div key={term} className="margin-bottom-1">
          <dt className="text-bold">{term}</dt>
          <dd className="margin-left-0">{value || '—'}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The form's content as the API gives it: every TIN masked to its last four digits; a 4442's category by its name. */
export function ReferralContent({ content, categoryName }: { content: Content; categoryName?: string }) {
  switch (content.__typename) {
    case 'Form14566Content':
      return (
        <Facts
          facts={[
            ['Purpose', humanize(content.purpose)],
            ['Business', content.business.name],
            ['EIN', content.business.einMasked],
            ['Business address', addressText(content.business.address)],
            ['Responsible party', content.taxpayer.name],
            ['SSN', content.taxpayer.ssnMasked],
            ['Responsible party address', addressText(content.taxpayer.address)],
            ['Affected returns', content.affectedReturns.map((r) => `${r.returnType} MFT ${r.mft} period ${r.taxPeriod}`).join('; ')],
            ['Completed research', content.completedResearch.join('; ')],
            ['Requested actions', content.requestedActions],
            ['W-2 findings', content.w2Findings],
            [
              'Originator contact',
              `${content.originatorContact.name}, phone ${content.originatorContact.phone}, fax ${content.originatorContact.fax}`,
            ],
          ]}
        />
      );
    case 'Form4442Content':
      return (
        <Facts
          facts={[
            ['Category', categoryName ?? content.category],
            ['TIN', `${content.tinMasked} (${content.tinType})`],
            ['Tax period', content.taxPeriod],
            ['MFT', content.inquiryMft],
            ['DLN', content.dln],
            ['Taxpayer authenticated', content.taxpayerAuthenticated ? 'Yes' : 'No'],
            ['Date of first call', content.dateOfFirstCall],
            ['Remarks', content.remarks],
          ]}
        />
      );
    case 'Form3210Content':
      return (
        <Facts
          facts={[
            ['Routing', content.routing],
            ['TIN', `${content.tinMasked} (${content.tinType})`],
            ['Tax period', content.taxPeriod],
            ['MFT', content.mft],
            ['Remarks', content.remarks],
            ['Additional comments', content.additionalComments],
            [
              'Attachments',
              content.attachments.map((a) => `${a.title} (${a.documentType}${a.pageCount ? `, ${a.pageCount} pages` : ''})`).join('; '),
            ],
          ]}
        />
      );
    default:
      return null;
  }
}
