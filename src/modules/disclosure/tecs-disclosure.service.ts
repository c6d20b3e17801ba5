import { DataSource } from 'typeorm';
import { Clock } from '../../platform/common/clock';
import { ForbiddenError, InvalidInputError } from '../../platform/common/errors';
import { checkPageSize } from '../../platform/common/page-size';
import { Problems } from '../../platform/validation/checked';
import { checkText, TEXT_MAX } from '../../platform/validation/text';
import { Caller } from '../org/caller';
import { Crossing } from '../tecs/crossing.entity';
import { CrossingService } from '../tecs/crossing.service';
import { Lookout } from '../tecs/lookout.entity';
import { nameKey } from '../tecs/lookout-request.validation';
import { DisclosureAccounting } from './disclosure-accounting';
import { DisclosureKind } from './disclosure-accounting.entity';
import { pastDateProblems } from './past-date';
import { PastTravelService } from './past-travel.service';
import { checkTaxYears } from './tax-years';
import { DhsDisclosureAuthorization, TecsDisclosure } from './tecs-disclosure.entity';
import {
  DISCLOSABLE_WITHOUT_DHS,
  PAST_TRAVEL_FIELD_VALUES,
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
  TecsSourceInput,
} from './tecs-disclosure.types';

/** Largest page of a crossing's disclosures and DHS authorizations. */
export const MAX_TECS_DISCLOSURE_PAGE = 500;

/** What is disclosed, with what the rules need of it. */
interface TecsSource {
  /** The columns naming it on a disclosure or a DHS authorization. */
  of: { crossingId: string | null; pastTravelRequestId: string | null };
  /** How its DHS authorizations are found. */
  where: { crossingId: string } | { pastTravelRequestId: string };
  id: string;
  referenceNumber: string;
  lookoutId: string | null;
  tinHash: string;
  /** The tax years a representative's authority must cover. */
  caseYears: readonly number[];
  values: (field: TecsDisclosureField) => (string | null)[];
}

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
    private readonly pastTravel: PastTravelService,
  ) {}

  async disclose(caller: Caller, input: DiscloseTecsInformationInput): Promise<TecsDisclosureReceipt> {
    const fields = checkFields(input.fields);
    const recipient = checkRecipient(input.recipient);
    const source = await this.sourceOf(caller, input, fields);
    const authority = recipient.kind === TecsRecipientKind.REPRESENTATIVE ? checkAuthority(input.recipient, source.caseYears) : null;
    const further = fields.filter((field) => !DISCLOSABLE_WITHOUT_DHS.includes(field));
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const authorizations = further.length
        ? await manager.findBy(DhsDisclosureAuthorization, { ...source.where, recipientKey: recipient.key })
        : [];
      const unauthorized = further.filter((field) => !authorizations.some((a) => a.fields.includes(field)));
      if (unauthorized.length)
        throw new ForbiddenError(`Disclosing ${unauthorized.join(', ')} to this recipient needs an authorization from DHS (seed 000)`);
      const disclosure = manager.create(TecsDisclosure, {
        ...source.of,
        lookoutId: source.lookoutId,
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
        tinHash: source.tinHash,
        kind: DisclosureKind.TECS_DISCLOSURE,
        sourceId: source.id,
        sourceReference: source.referenceNumber,
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
      return { disclosure, values: fields.flatMap((field) => source.values(field).map((value) => ({ field, value }))) };
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
    const source = await this.sourceOf(caller, input, fields);
    const authorization = this.dataSource.manager.create(DhsDisclosureAuthorization, {
      ...source.of,
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

  /**
   * What is disclosed: a crossing (the taxpayer known through the lookout it matched, the case's years its periods) or
   * an answered past-travel request (the taxpayer and the case's years on the request, one value per trip DHS reported).
   */
  private async sourceOf(caller: Caller, input: TecsSourceInput, fields: readonly TecsDisclosureField[]): Promise<TecsSource> {
    if (!input.crossingId === !input.pastTravelRequestId)
      throw InvalidInputError.single('crossingId', 'name either a crossing or a past-travel request');
    if (input.crossingId) {
      const crossing = await this.crossings.get(caller, input.crossingId);
      const lookout = await this.lookoutOf(crossing);
      return {
        of: { crossingId: crossing.id, pastTravelRequestId: null },
        where: { crossingId: crossing.id },
        id: crossing.id,
        referenceNumber: crossing.referenceNumber,
        lookoutId: lookout.id,
        tinHash: lookout.tinHash,
        caseYears: [...new Set(lookout.taxPeriods.map((period) => Number(period.taxPeriod.slice(0, 4))))].sort(),
        values: (field) => [TECS_FIELD_VALUE[field](crossing)],
      };
    }
    const request = await this.pastTravel.answerToDisclose(caller, input.pastTravelRequestId!);
    const absent = fields.filter((field) => !(field in PAST_TRAVEL_FIELD_VALUES));
    if (absent.length) throw InvalidInputError.single('fields', `a past-travel answer holds no ${absent.join(', ')}`);
    return {
      of: { crossingId: null, pastTravelRequestId: request.id },
      where: { pastTravelRequestId: request.id },
      id: request.id,
      referenceNumber: request.referenceNumber,
      lookoutId: null,
      tinHash: request.tinHash,
      caseYears: request.taxYears,
      values: (field) => PAST_TRAVEL_FIELD_VALUES[field]!(request, request.trips!),
    };
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
function checkAuthority(input: TecsRecipientInput, caseYears: readonly number[]) {
  const authority = input.authority;
  if (!authority) throw new ForbiddenError('No representative authority (Form 2848 or 8821) on file: this is a third party (seed 000)');
  const problems = new Problems();
  const reference = problems.take(checkText(authority.reference, 'recipient.authority.reference', TEXT_MAX.short));
  const taxYears = checkTaxYears(authority.taxYears, 'recipient.authority.taxYears', problems, true);
  if (problems.errors.length) throw new InvalidInputError(problems.errors);
  if (caseYears.length === 0)
    throw new ForbiddenError("The case's tax years are not recorded: its TECS information can go to the taxpayer only (seed 000)");
  const uncovered = caseYears.filter((year) => !taxYears.includes(year));
  if (uncovered.length)
    throw new ForbiddenError(
      `The representative's ${authority.form} does not cover tax year(s) ${uncovered.join(', ')} of the case (seed 000)`,
    );
  return { form: authority.form, reference, taxYears };
}
