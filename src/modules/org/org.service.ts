import { entitySelectList } from '../../platform/database/entity-select';
import { DataSource, EntityManager, EntityTarget, FindOptionsWhere, In } from 'typeorm';
import { rowsById } from '../../platform/database/rows-by-id';
import { Caller } from './caller';
import { NoticedCache } from '../../platform/live/noticed-cache';
import { Watcher } from '../../platform/live/live-updates';
import { ConflictError, InvalidInputError, NotFoundError, UnauthenticatedError } from '../../platform/common/errors';
import { BusinessFunction } from './business-function.entity';
import { Employee } from './employee.entity';
import { LiaisonAssignment } from './liaison-assignment.entity';
import { loadManagerLinks, managementChain } from './management-chain';
import { activeLiaisons } from './notice-recipients';
import { isTimeZone } from '../../platform/calendar/time-zone';
import { Role } from './role';
import { NotificationMode } from '../../platform/notifications/notification-mode';
import { keysetPage, Order, Page, PageRequest, SortDirection, SortKey } from '../../platform/database/keyset-page';

export interface EmployeeInput {
  email: string;
  name: string;
  phone?: string | null;
  functionId: string;
  managerId?: string | null;
  roles: Role[];
  notificationMode?: NotificationMode;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Largest page of a function's employees. */
export const MAX_EMPLOYEE_PAGE = 500;

/** The orders a list of employees can be read in. */
export enum EmployeeSortField {
  NAME = 'NAME',
}

const EMPLOYEE_SORT_KEYS: Record<EmployeeSortField, SortKey> = {
  NAME: { name: 'NAME', columns: [{ expression: 'e.name', sqlType: 'text' }] },
};

export const BY_NAME: Order<EmployeeSortField> = { field: EmployeeSortField.NAME, direction: SortDirection.ASC };

/** The live-updates topics of changes to employees and liaison assignments (ids: employees) and to functions (many). */
export const EMPLOYEE_CHANGE_TOPIC = 'employee';
export const FUNCTION_CHANGE_TOPIC = 'business_function';

/** Functions, employees, the management chain and liaison assignments. */
export class OrgService {
  private callerSql: string | undefined;
  /** The callers of recent requests, by employee id. */
  readonly callers = new NoticedCache<Caller>(10_000);
  /** The ids of each function's active liaisons, by function id (any change of an employee or assignment drops them all). */
  private readonly liaisonIds = new NoticedCache<string[]>(10_000);
  /** Functions by id. */
  readonly functionById = new NoticedCache<BusinessFunction | null>(10_000);
  /** Employees by id, as the pages of work name them (originator, assignee, actor). */
  readonly employeeById = new NoticedCache<Employee | null>(50_000);

  /** What the caches hear, by live-updates topic (the triggers of migrations CallerChangeNotices and ReferenceDataChangeNotices). */
  readonly watchers: [topic: string, watcher: Watcher][] = [
    [EMPLOYEE_CHANGE_TOPIC, this.callers],
    [EMPLOYEE_CHANGE_TOPIC, this.employeeById],
    [EMPLOYEE_CHANGE_TOPIC, { changed: () => this.liaisonIds.changed(null), listening: (now) => this.liaisonIds.listening(now) }],
    [FUNCTION_CHANGE_TOPIC, this.functionById],
  ];

  constructor(private readonly dataSource: DataSource) {}

  async liaisonFunctionIdsOf(employeeId: string): Promise<string[]> {
    return (await this.dataSource.manager.findBy(LiaisonAssignment, { employeeId })).map((a) => a.functionId);
  }

  /** Every request does this: from the cache of callers, else the employee and their liaison assignments in one statement. */
  loadCaller(employeeId: string): Promise<Caller> {
    return this.callers.get(employeeId, () => this.readCaller(employeeId));
  }

  private async readCaller(employeeId: string): Promise<Caller> {
    const manager = this.dataSource.manager;
    this.callerSql ??=
      `SELECT ${entitySelectList(manager, Employee, 'e')}, ` +
      `ARRAY(SELECT la.function_id FROM liaison_assignment la WHERE la.employee_id = e.id) AS "liaisonFunctionIds" ` +
      `FROM employee e WHERE e.id = $1`;
    const [row]: (Employee & { liaisonFunctionIds: string[] })[] = await manager.query(this.callerSql, [employeeId]);
    if (!row || !row.active) throw new UnauthenticatedError('Unknown or deactivated employee');
    // Shared by the requests of this employee while cached: nobody may change it.
    return new Caller(Object.freeze(manager.create(Employee, row)), Object.freeze(row.liaisonFunctionIds));
  }

  /** The caller an identity provider's token names by e-mail (its tokens carry no employee id). */
  async loadCallerByEmail(email: string): Promise<Caller> {
    const employee = await this.dataSource.manager.findOneBy(Employee, { email: email.trim().toLowerCase() });
    if (!employee) throw new UnauthenticatedError('Unknown or deactivated employee');
    return this.loadCaller(employee.id);
  }

  /** An active employee by id, read in the caller's transaction (null if there is none). */
  activeEmployee(manager: EntityManager, id: string): Promise<Employee | null> {
    return manager.findOneBy(Employee, { id, active: true });
  }

  /**
   * A function (null: there is none), as cached: shared, never to be changed. Read, when it must be, through `manager`
   * (a transaction's reads wait for no other connection of the pool).
   */
  async functionOf(id: string, manager: EntityManager = this.dataSource.manager): Promise<BusinessFunction | null> {
    return (await this.functionsOf([id], manager))[0];
  }

  /** Functions by id, in order (null where there is none), as cached; those not cached read in one statement. */
  functionsOf(ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<(BusinessFunction | null)[]> {
    return this.cachedById(this.functionById, BusinessFunction, ids, manager);
  }

  /** Employees by id, in order (null where there is none), as cached; those not cached read in one statement. */
  employeesById(ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<(Employee | null)[]> {
    return this.cachedById(this.employeeById, Employee, ids, manager);
  }

  /** Rows of `entity` by id from `cache`, the missing ones read together and frozen: shared, never to be changed. */
  private cachedById<E extends { id: string }>(
    cache: NoticedCache<E | null>,
    entity: EntityTarget<E>,
    ids: readonly string[],
    manager: EntityManager,
  ): Promise<(E | null)[]> {
    return cache.getMany(ids, async (missing) =>
      rowsById(await manager.findBy(entity, { id: In(missing) } as FindOptionsWhere<E>), missing).map((row) => row && Object.freeze(row)),
    );
  }

  /** The ids of a function's active BMF ID theft liaisons, oldest assignment first, as cached (who hears of its referrals). */
  liaisonIdsOf(functionId: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    return this.liaisonIds.get(
      functionId,
      async () => Object.freeze((await this.liaisonsOf(functionId, manager)).map((e) => e.id)) as string[],
    );
  }

  /** Active BMF ID theft liaisons of a function, oldest assignment first (all of them unless `first`). */
  async liaisonsOf(functionId: string, manager: EntityManager = this.dataSource.manager, first?: number): Promise<Employee[]> {
    return activeLiaisons(manager).andWhere('la.function_id = :functionId', { functionId }).limit(first).getMany();
  }

  /** The manager `levels` links above an employee, or the top of the chain if it is shorter (null if none). */
  async managerAbove(manager: EntityManager, employeeId: string, levels: number): Promise<Employee | null> {
    const chain = managementChain(await loadManagerLinks(manager), employeeId);
    const above = levels > 0 ? chain[Math.min(levels, chain.length) - 1] : undefined;
    return above ? manager.findOneByOrFail(Employee, { id: above }) : null;
  }

  async createFunction(input: { code: string; name: string; timeZone: string }): Promise<BusinessFunction> {
    const errors = [];
    if (!/^[A-Z0-9][A-Z0-9&-]{0,31}$/.test(input.code))
      errors.push({ field: 'code', message: 'use 1-32 upper-case letters, digits, "-" or "&"' });
    if (!input.name.trim()) errors.push({ field: 'name', message: 'is required' });
    if (!isTimeZone(input.timeZone)) errors.push({ field: 'timeZone', message: 'is not an IANA time zone' });
    if (errors.length) throw new InvalidInputError(errors);
    return this.functionById.changing(null, () =>
      this.dataSource.transaction(async (manager) => {
        if (await manager.existsBy(BusinessFunction, { code: input.code }))
          throw new ConflictError(`Function ${input.code} already exists`, 'ALREADY_EXISTS');
        return manager.save(manager.create(BusinessFunction, { ...input, name: input.name.trim(), active: true }));
      }),
    );
  }

  async createEmployee(input: EmployeeInput): Promise<Employee> {
    return this.dataSource.transaction(async (manager) => {
      const email = input.email.trim().toLowerCase();
      await this.validateEmployee(manager, { ...input, email }, null);
      if (await manager.existsBy(Employee, { email }))
        throw new ConflictError(`An employee with e-mail ${email} already exists`, 'ALREADY_EXISTS');
      return manager.save(
        manager.create(Employee, {
          ...input,
          email,
          name: input.name.trim(),
          phone: input.phone ?? null,
          managerId: input.managerId ?? null,
          active: true,
        }),
      );
    });
  }

  updateEmployee(id: string, changes: Partial<EmployeeInput> & { active?: boolean }): Promise<Employee> {
    return this.changingCaller(id, () =>
      this.dataSource.transaction(async (manager) => {
        const employee = await manager.findOneBy(Employee, { id });
        if (!employee) throw new NotFoundError('Employee', id);
        const next = { ...employee, ...changes, email: (changes.email ?? employee.email).trim().toLowerCase() };
        await this.validateEmployee(manager, next, id);
        manager.merge(Employee, employee, next);
        return manager.save(employee);
      }),
    );
  }

  assignLiaison(functionId: string, employeeId: string): Promise<LiaisonAssignment> {
    return this.changingCaller(employeeId, () =>
      this.dataSource.transaction(async (manager) => {
        if (!(await manager.existsBy(BusinessFunction, { id: functionId }))) throw new NotFoundError('Function', functionId);
        if (!(await manager.existsBy(Employee, { id: employeeId, active: true }))) throw new NotFoundError('Employee', employeeId);
        if (await manager.existsBy(LiaisonAssignment, { functionId, employeeId }))
          throw new ConflictError('Already a liaison for this function', 'ALREADY_EXISTS');
        return manager.save(manager.create(LiaisonAssignment, { functionId, employeeId }));
      }),
    );
  }

  removeLiaison(functionId: string, employeeId: string): Promise<boolean> {
    return this.changingCaller(employeeId, async () => {
      const result = await this.dataSource.manager.delete(LiaisonAssignment, { functionId, employeeId });
      if (!result.affected) throw new NotFoundError('Liaison assignment', `${functionId}/${employeeId}`);
      return true;
    });
  }

  /** A change to an employee (their roles, their liaison assignments) made here applies to this instance's next request. */
  private changingCaller<T>(employeeId: string, change: () => Promise<T>): Promise<T> {
    return this.callers.changing([employeeId], () =>
      this.employeeById.changing([employeeId], () => this.liaisonIds.changing(null, change)),
    );
  }

  functions(first: number): Promise<BusinessFunction[]> {
    return this.dataSource.manager.find(BusinessFunction, { order: { code: 'ASC', id: 'ASC' }, take: first });
  }

  /** The employees of a function, in `order`. */
  employeesOf(functionId: string, order: Order<EmployeeSortField>, page: PageRequest): Promise<Page<Employee>> {
    const query = this.dataSource.manager.createQueryBuilder(Employee, 'e').where('e.function_id = :functionId', { functionId });
    return keysetPage(query, { key: EMPLOYEE_SORT_KEYS[order.field], direction: order.direction }, page, MAX_EMPLOYEE_PAGE);
  }

  private async validateEmployee(manager: EntityManager, input: EmployeeInput, selfId: string | null): Promise<void> {
    const errors = [];
    if (!EMAIL.test(input.email)) errors.push({ field: 'email', message: 'is not an e-mail address' });
    if (!input.name.trim()) errors.push({ field: 'name', message: 'is required' });
    if (!(await manager.existsBy(BusinessFunction, { id: input.functionId })))
      errors.push({ field: 'functionId', message: 'no such function' });
    if (input.managerId) {
      if (!(await manager.existsBy(Employee, { id: input.managerId }))) errors.push({ field: 'managerId', message: 'no such employee' });
      else if (selfId && (await this.isInChainAbove(manager, input.managerId, selfId))) {
        errors.push({ field: 'managerId', message: 'would make the management chain circular' });
      }
    }
    if (errors.length) throw new InvalidInputError(errors);
  }

  /** Whether `candidate` is `start` or somewhere above it in the management chain. */
  private async isInChainAbove(manager: EntityManager, start: string, candidate: string): Promise<boolean> {
    return start === candidate || managementChain(await loadManagerLinks(manager), start).includes(candidate);
  }
}
