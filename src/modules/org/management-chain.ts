import { EntityManager } from 'typeorm';
import { Employee } from './employee.entity';

/** Each employee's manager (null at the top): the links a management chain is walked along. */
export type ManagerLinks = ReadonlyMap<string, string | null>;

/** Every employee's manager in one statement: an organisation is small enough to walk in memory. */
export async function loadManagerLinks(entities: EntityManager): Promise<ManagerLinks> {
  const employees = await entities.find(Employee, { select: { id: true, managerId: true } });
  return new Map(employees.map((employee) => [employee.id, employee.managerId]));
}

/** The managers above an employee, nearest first, up to the top; a circular chain stops where it repeats. */
export function managementChain(links: ManagerLinks, employeeId: string): string[] {
  const chain: string[] = [];
  for (let above = links.get(employeeId) ?? null; above && !chain.includes(above); above = links.get(above) ?? null) chain.push(above);
  return chain;
}
