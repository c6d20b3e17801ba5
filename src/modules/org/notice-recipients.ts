import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { Employee } from './employee.entity';
import { LiaisonAssignment } from './liaison-assignment.entity';
import { Role } from './role';

/**
 * Who a notice goes to, looked up in org's tables only: the liaisons of a function and the holders of a role
 * (the management chain is managementChain). Every module asks here; the outbox then keeps active employees.
 */

/** Active liaisons (alias `e`, assignment `la`), oldest assignment first: the first is the function's lead liaison. */
export function activeLiaisons(entities: EntityManager): SelectQueryBuilder<Employee> {
  return entities
    .createQueryBuilder(Employee, 'e')
    .innerJoin(LiaisonAssignment, 'la', 'la.employee_id = e.id')
    .where('e.active')
    .orderBy('la.created_at', 'ASC')
    .addOrderBy('e.id', 'ASC');
}

/** The active liaisons of every function, in one statement (for a sweep over many referrals). */
export async function liaisonsByFunction(entities: EntityManager): Promise<Map<string, string[]>> {
  const rows: { function_id: string; employee_id: string }[] = await activeLiaisons(entities)
    .select(['la.function_id AS function_id', 'e.id AS employee_id'])
    .getRawMany();
  const liaisons = new Map<string, string[]>();
  for (const row of rows) liaisons.set(row.function_id, [...(liaisons.get(row.function_id) ?? []), row.employee_id]);
  return liaisons;
}

/** Every active employee holding a role, for notices to "the coordinator" or "CI". */
export async function roleHolders(entities: EntityManager, role: Role): Promise<string[]> {
  const rows: { id: string }[] = await entities.query(`SELECT id FROM employee WHERE active AND $1 = ANY(roles)`, [role]);
  return rows.map((row) => row.id);
}
