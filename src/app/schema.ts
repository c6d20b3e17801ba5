import { DateTimeResolver } from 'graphql-scalars';
import { GraphQLObjectType, GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AccessAuditEntryResolver, AccessAuditResolver } from '../modules/access-audit/access-audit.resolver';
import { ClosureHistoryResolver, ClosureResolver } from '../modules/closures/closure.resolver';
import { NotificationResolver } from '../modules/notices/notification.resolver';
import { OrgResolver } from '../modules/directory/org.resolver';
import { ReferralClosureEffectResolver, ReferralClosuresResolver } from '../modules/referrals/referral-closures.resolver';
import { ReferralHistoryResolver, ReferralResolver } from '../modules/referrals/referral.resolver';
import {
  DocumentCustodyResolver,
  DocumentCustodyFieldResolver,
  DocumentCustodyStepResolver,
  ReferralDocumentsResolver,
} from '../modules/referrals/referral-documents.resolver';
import { SlaReportResolver } from '../modules/referrals/sla-report.resolver';
import { ReferralRouteChangeResolver, ReferralRouteResolver } from '../modules/referrals/referral-route.resolver';
import { CrossingResolver, InvestigationResolver, LookoutResolver } from '../modules/tecs/tecs.resolver';
import { CustomsRequestResolver } from '../modules/disclosure/customs-request.resolver';
import { TecsDisclosureResolver } from '../modules/disclosure/tecs-disclosure.resolver';
import { PastTravelResolver } from '../modules/disclosure/past-travel.resolver';
import { CalendarFeedResolver } from '../modules/calendar-feed/calendar-feed.resolver';
import { DocumentResolver } from '../modules/org/document.resolver';
import { ACCESS_POLICY, whoMayCall } from '../modules/auth/access-policy';
import { OPERATION_MIDDLEWARE } from '../modules/auth/operation-middleware';
import { auditRefusal } from '../platform/audit/refusal-audit.middleware';
import { aroundOperations, onFieldErrors } from '../platform/graphql/resolver-wrapping';
import { directFieldResolvers } from '../platform/graphql/direct-field-resolvers';

/**
 * Ends each root field's description with who may call it, from the access policy (as the README's access table),
 * so the schema cannot drift from what the policy guard enforces.
 */
function describeAccess(root: GraphQLObjectType): void {
  for (const field of Object.values(root.getFields())) {
    const policy = ACCESS_POLICY[field.name];
    // Without a description of its own the field stays undescribed, for the schema-descriptions test to report.
    if (!policy || !field.description) continue;
    const relation = policy.relation ? ` Relation to the item: ${policy.relation}.` : '';
    field.description = `${field.description ?? ''}\nWho may call it: ${whoMayCall(policy)}.${relation}`.trim();
  }
}

/** The schema: every module's resolvers. */
export async function buildHubSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [
      AccessAuditResolver,
      AccessAuditEntryResolver,
      OrgResolver,
      ReferralResolver,
      ReferralHistoryResolver,
      SlaReportResolver,
      NotificationResolver,
      LookoutResolver,
      CrossingResolver,
      InvestigationResolver,
      ClosureResolver,
      ClosureHistoryResolver,
      ReferralClosureEffectResolver,
      ReferralClosuresResolver,
      ReferralDocumentsResolver,
      DocumentResolver,
      CustomsRequestResolver,
      TecsDisclosureResolver,
      PastTravelResolver,
      CalendarFeedResolver,
      ReferralRouteResolver,
      ReferralRouteChangeResolver,
      DocumentCustodyResolver,
      DocumentCustodyStepResolver,
      DocumentCustodyFieldResolver,
    ],
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    validate: false,
  });
  // type-graphql builds the root types without a description and offers no option for one.
  schema.getQueryType()!.description =
    'Reads; each says who may call it (the access policy); reads of taxpayer or TECS data are written to the access audit';
  schema.getMutationType()!.description =
    'Changes, each one transaction; each says who may call it (the access policy), and every call is written to the access audit';
  describeAccess(schema.getQueryType()!);
  describeAccess(schema.getMutationType()!);
  aroundOperations(schema, OPERATION_MIDDLEWARE);
  directFieldResolvers(schema);
  onFieldErrors(schema, auditRefusal);
  return schema;
}

/** The SDL checked in as schema/schema.graphql. */
export function printHubSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
