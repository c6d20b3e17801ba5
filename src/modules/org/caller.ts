import { Employee } from './employee.entity';
import { Role } from './role';

/** The authenticated employee of a request, with the functions they are a liaison for. */
export class Caller {
  constructor(
    readonly employee: Employee,
    readonly liaisonFunctionIds: readonly string[],
  ) {}

  get id(): string {
    return this.employee.id;
  }

  hasRole(role: Role): boolean {
    return this.employee.roles.includes(role);
  }

  isLiaisonFor(functionId: string): boolean {
    return this.liaisonFunctionIds.includes(functionId);
  }
}
