import { Caller } from './caller';

/** The live-updates topic the employee and liaison_assignment triggers announce changes on (migration CallerChangeNotices). */
export const CALLER_CHANGE_TOPIC = 'employee';

/** How long a cached caller is trusted: a backstop only, as every change is heard at once. */
const CALLER_TTL_MS = 60_000;
/** Callers kept at most (the oldest go first). */
const MAX_CALLERS = 10_000;

/**
 * The callers of recent requests, so a request does not read its employee and liaison assignments again. Used only
 * while this instance hears the database's change notices: a trigger on employee and on liaison_assignment announces
 * every change (a deactivation, a role, an assignment, made by any instance or by hand in SQL) after it commits, and
 * the employee is dropped here at once; while the listening connection is down nothing is cached.
 */
export class CallerCache {
  private readonly callers = new Map<string, { caller: Caller; until: number }>();
  private listening = false;
  /** Counts the changes heard: a load that began before one may have read the old rows and is not kept. */
  private generation = 0;

  async get(employeeId: string, load: () => Promise<Caller>): Promise<Caller> {
    const cached = this.callers.get(employeeId);
    if (cached && cached.until > Date.now()) return cached.caller;
    const generation = this.generation;
    const caller = await load();
    if (this.listening && generation === this.generation) {
      this.callers.delete(employeeId);
      this.callers.set(employeeId, { caller, until: Date.now() + CALLER_TTL_MS });
      if (this.callers.size > MAX_CALLERS) this.callers.delete(this.callers.keys().next().value!);
    }
    return caller;
  }

  /** Employees whose rows changed; null: any number of them. */
  changed(employeeIds: string[] | null): void {
    this.generation++;
    if (employeeIds === null) this.callers.clear();
    else employeeIds.forEach((id) => this.callers.delete(id));
  }

  /** Whether changes are heard; when not, whatever changed meanwhile went unheard, so nothing cached is trusted. */
  setListening(listening: boolean): void {
    this.generation++;
    this.listening = listening;
    this.callers.clear();
  }
}
