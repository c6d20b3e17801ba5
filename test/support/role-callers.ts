import { ACCESS_POLICY, ANY_EMPLOYEE } from '../../src/modules/auth/access-policy';
import { Employee } from '../../src/modules/org/employee.entity';
import { Role } from '../../src/modules/org/role';
import { Services } from '../../src/app/services';

/** One employee per role, for tests that call every operation. */
export async function createOneEmployeePerRole(services: Services, functionId: string, prefix: string): Promise<Map<Role, Employee>> {
  const people = new Map<Role, Employee>();
  for (const role of Object.values(Role)) {
    people.set(
      role,
      await services.org.createEmployee({
        email: `${prefix}.${role.toLowerCase()}@example.gov`,
        name: `${prefix} ${role}`,
        functionId,
        roles: [role],
      }),
    );
  }
  return people;
}

/** The id of someone the operation's role policy admits (an admin when any employee may call it). */
export function admittedCaller(people: ReadonlyMap<Role, Employee>, operation: string): string {
  const policy = ACCESS_POLICY[operation];
  return people.get(policy.roles === ANY_EMPLOYEE ? Role.ADMIN : policy.roles[0])!.id;
}
