import { DataSource } from 'typeorm';
import { Clock } from '../../platform/common/clock';
import { ForbiddenError, InvalidInputError } from '../../platform/common/errors';
import { checkPageSize } from '../../platform/common/page-size';
import { LIST_MAX, Problems } from '../../platform/validation/checked';
import { checkText, TEXT_MAX } from '../../platform/validation/text';
import { Caller } from '../org/caller';
import { Crossing } from '../tecs/crossing.entity';
import { CrossingService } from '../tecs/crossing.service';
import { Lookout } from '../tecs/lookout.entity';
import { nameKey } from '../tecs/lookout-request.validation';
import { DisclosureAccounting } from './disclosure-accounting';
import { DisclosureKind } from './disclosure-accounting.entity';
import { pastDateProblems } from './past-date';
import { DhsDisclosureAuthorization, TecsDisclosure } from './tecs-disclosure.entity';
import {
  DISCLOSABLE_WITHOUT_DHS,
  TECS_DISCLOSURE_AUTHORITY,
  TECS_FIELD_VALUE,
  TecsDisclosureField,
  TecsRecipientKind,
} from './tecs-disclosure-state';
import {
  DiscloseTecsInformationInput,
  RecordDhsDisclosureAuthorizationInput,
  TecsDisclosureReceipt,
  TecsRecipientInput,
} from './tecs-disclosure.types';

/** Largest page of a crossing's disclosures and DHS authorizations. */
export const MAX_TECS_DISCLOSURE_PAGE = 500;

interface Recipient {
  kind: TecsRecipientKind;
  name: string | null;
  /** How DHS authorizations are matched to the recipient. */
  key: string;
}

/**
 * Disclosure of TECS information outside the IRS under the rules of seed 000: the five facts of a crossing to the
 * taxpayer or their representative (authority on file covering the case's tax years), anything further only under a
 * DHS authorization for that recipient, never to third parties (FORBIDDEN, and the refusal is in the access audit).
 * Each disclosure is recorded with the accounting of disclosures in one transaction.
 */
export class TecsDisclosureService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly crossings: CrossingService,
    private readonly accounting: DisclosureAccounting,
  ) {}

  async disclose(caller: Caller, input: DiscloseTecsInformationInput): Promise<TecsDisclosureReceipt> {
    const fields = checkFields(input.fields);
    const recipient = checkRecipient(input.recipient);
    const crossing = await this.crossings.get(caller, input.crossingId);
    const lookout = await this.lookoutOf(crossing);
    const authority = recipient.kind === TecsRecipientKind.REPRESENTATIVE ? checkAuthority(input.recipient, lookout) : null;
    const further = fields.filter((field) => !DISCLOSABLE_WITHOUT_DHS.includes(field));
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const authorizations = further.length
        ? await manager.findBy(DhsDisclosureAuthorization, { crossingId: crossing.id, recipientKey: recipient.key })
        : [];
      const unauthorized = further.filter((field) => !authorizations.some((a) => a.fields.includes(field)));
      if (unauthorized.length)
        throw new ForbiddenError(`Disclosing ${unauthorized.join(', ')} to this recipient needs an authorization from DHS (seed 000)`);
      const disclosure = manager.create(TecsDisclosure, {
        crossingId: crossing.id,
        lookoutId: lookout.id,
        recipientKind: recipient.kind,
        recipientName: recipient.name,
        authorityForm: authority?.form ?? null,
        authorityReference: authority?.reference ?? null,
        authorityTaxYears: authority?.taxYears ?? [],
        fields,
        dhsAuthorizationIds: authorizations.filter((a) => further.some((field) => a.fields.includes(field))).map((a) => a.id),
        disclosedById: caller.id,
        disclosedAt: now,
      });
      await manager.insert(TecsDisclosure, disclosure);
      await this.accounting.append(manager, {
        tinHash: lookout.tinHash,
        kind: DisclosureKind.TECS_DISCLOSURE,
        sourceId: crossing.id,
        sourceReference: crossing.referenceNumber,
        recipient: authority
          ? `Representative ${recipient.name} (${authority.form} ${authority.reference}, tax years ${authority.taxYears.join(', ')})`
          : 'The taxpayer',
        information: fields,
        authority:
          disclosure.dhsAuthorizationIds.length > 0
            ? `${TECS_DISCLOSURE_AUTHORITY}; DHS authorization ${authorizations.map((a) => a.dhsReference).join(', ')}`
            : TECS_DISCLOSURE_AUTHORITY,
        disclosedById: caller.id,
        disclosedAt: now,
      });
      return { disclosure, values: fields.map((field) => ({ field, value: TECS_FIELD_VALUE[field](crossing) })) };
    });
  }

  async recordAuthorization(caller: Caller, input: RecordDhsDisclosureAuthorizationInput): Promise<DhsDisclosureAuthorization> {
    const now = this.clock.now();
    const problems = new Problems();
    const dhsReference = problems.take(checkText(input.dhsReference, 'dhsReference', TEXT_MAX.short));
    problems.errors.push(...pastDateProblems(input.authorizedOn, 'authorizedOn', now));
    if (problems.errors.length) throw new InvalidInputError(problems.errors);
    const fields = checkFields(input.fields);
    const recipient = checkRecipient(input.recipient);
    const crossing = await this.crossings.get(caller, input.crossingId);
    await this.lookoutOf(crossing);
    const authorization = this.dataSource.manager.create(DhsDisclosureAuthorization, {
      crossingId: crossing.id,
      dhsReference,
      recipientKind: recipient.kind,
      recipientName: recipient.name,
      recipientKey: recipient.key,
      fields,
      authorizedOn: input.authorizedOn,
      recordedById: caller.id,
      recordedAt: now,
    });
    await this.dataSource.manager.insert(DhsDisclosureAuthorization, authorization);
    return authorization;
  }

  /** The disclosures of a crossing and the DHS authorizations recorded for it, for those on the case. */
  async disclosuresOf(caller: Caller, crossingId: string, first: number): Promise<TecsDisclosure[]> {
    await this.crossings.get(caller, crossingId);
    return this.dataSource.manager.find(TecsDisclosure, {
      where: { crossingId },
      order: { disclosedAt: 'ASC', id: 'ASC' },
      take: checkPageSize(first, MAX_TECS_DISCLOSURE_PAGE),
    });
  }

  async authorizationsOf(caller: Caller, crossingId: string, first: number): Promise<DhsDisclosureAuthorization[]> {
    await this.crossings.get(caller, crossingId);
    return this.dataSource.manager.find(DhsDisclosureAuthorization, {
      where: { crossingId },
      order: { recordedAt: 'ASC', id: 'ASC' },
      take: checkPageSize(first, MAX_TECS_DISCLOSURE_PAGE),
    });
  }

  /** The taxpayer is known only through the lookout the crossing matched. */
  private async lookoutOf(crossing: Crossing): Promise<Lookout> {
    const lookout = crossing.lookoutId ? await this.dataSource.manager.findOneBy(Lookout, { id: crossing.lookoutId }) : null;
    if (!lookout) throw InvalidInputError.single('crossingId', 'the crossing matched no lookout: the taxpayer is not identified');
    return lookout;
  }
}

function checkFields(fields: readonly TecsDisclosureField[]): TecsDisclosureField[] {
  if (fields.length === 0) throw InvalidInputError.single('fields', 'name at least one field');
  return [...new Set(fields)];
}

/** Seed 000: "Do not disclose TECS information to third parties." */
function checkRecipient(input: TecsRecipientInput): Recipient {
  if (input.kind === TecsRecipientKind.THIRD_PARTY) {
    throw new ForbiddenError('TECS information is never disclosed to third parties (seed 000)');
  }
  if (input.kind === TecsRecipientKind.TAXPAYER) return { kind: input.kind, name: null, key: input.kind };
  const name = checkText(input.name ?? '', 'recipient.name', TEXT_MAX.short);
  if (name.errors.length) throw new InvalidInputError(name.errors);
  return { kind: input.kind, name: name.value, key: `${input.kind}:${nameKey(name.value)}` };
}

/** A representative is one only with an authority on file covering every tax year of the case. */
function checkAuthority(input: TecsRecipientInput, lookout: Lookout) {
  const authority = input.authority;
  if (!authority) throw new ForbiddenError('No representative authority (Form 2848 or 8821) on file: this is a third party (seed 000)');
  const problems = new Problems();
  const reference = problems.take(checkText(authority.reference, 'recipient.authority.reference', TEXT_MAX.short));
  if (authority.taxYears.length === 0 || authority.taxYears.length > LIST_MAX)
    problems.add('recipient.authority.taxYears', `name the tax years it covers (1 to ${LIST_MAX})`);
  if (authority.taxYears.some((year) => year < 1900 || year > 2999))
    problems.add('recipient.authority.taxYears', 'must be four-digit years');
  if (problems.errors.length) throw new InvalidInputError(problems.errors);
  const caseYears = [...new Set(lookout.taxPeriods.map((period) => Number(period.taxPeriod.slice(0, 4))))].sort();
  const uncovered = caseYears.filter((year) => !authority.taxYears.includes(year));
  if (uncovered.length)
    throw new ForbiddenError(
      `The representative's ${authority.form} does not cover tax year(s) ${uncovered.join(', ')} of the case (seed 000)`,
    );
  return { form: authority.form, reference, taxYears: [...new Set(authority.taxYears)].sort() };
}
