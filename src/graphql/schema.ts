import { DateTimeResolver } from 'graphql-scalars';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { AuthChecker, buildSchema } from 'type-graphql';
import { ForbiddenError } from '../common/errors';
import { NotificationResolver } from '../notifications/notification.resolver';
import { OrgResolver } from '../org/org.resolver';
import { Role } from '../org/role';
import { ReferralHistoryResolver, ReferralResolver } from '../referrals/referral.resolver';
import { CrossingResolver, InvestigationResolver, LookoutResolver } from '../tecs/tecs.resolver';
import { machineClientGuard } from './machine-client.guard';
import { HubContext } from './context';

/** `@Authorized(Role…)`: the caller must hold one of the roles. Relation checks live in the services. */
const authChecker: AuthChecker<HubContext, Role> = ({ context }, roles) => {
  if (roles.some((role) => context.caller.hasRole(role))) return true;
  throw new ForbiddenError(`Requires the role ${roles.join(' or ')}`);
};

export function buildHubSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [OrgResolver, ReferralResolver, ReferralHistoryResolver, NotificationResolver, LookoutResolver, CrossingResolver, InvestigationResolver],
    globalMiddlewares: [machineClientGuard],
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    authChecker,
    authMode: 'error',
    validate: false,
  });
}

/** The SDL checked in as schema/schema.graphql. */
export function printHubSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
