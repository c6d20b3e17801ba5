import { DataSource, EntityManager, In } from 'typeorm';
import { Caller } from '../org/caller';
import { NoticedCache } from '../../platform/live/noticed-cache';
import { Watcher } from '../../platform/live/live-updates';
import { Clock } from '../../platform/common/clock';
import { FieldError, ForbiddenError, InvalidInputError } from '../../platform/common/errors';
import { checkText, TEXT_MAX } from '../../platform/validation/text';
import { BusinessFunction } from '../org/business-function.entity';
import { Role } from '../org/role';
import { ReferralForm } from './forms/referral-form';
import { TimeFrame } from './referral-clocks';
import { ANY_PURPOSE, ReferralRoute, ReferralRouteChange } from './referral-route.entity';

export interface RouteInput {
  form: ReferralForm;
  /** Form 14566 only: the purpose the route is for. */
  purpose?: string | null;
  receivingFunctionCodes: string[];
  ackBusinessDays?: number | null;
  ackCalendarDays?: number | null;
  completionCalendarDays?: number | null;
  irmReference: string;
}

const ROUTE_COLUMNS = [
  'receivingFunctionCodes',
  'ackBusinessDays',
  'ackCalendarDays',
  'completionCalendarDays',
  'irmReference',
] as const satisfies readonly (keyof ReferralRoute)[];

function snapshot(route: ReferralRoute): Record<string, unknown> {
  return Object.fromEntries(ROUTE_COLUMNS.map((column) => [column, route[column]]));
}

/** The longest time frame an admin may give (a year); the IRM's are 3 business days to 60 days. */
const MAX_DAYS = 366;

/** The live-updates topic of changes to routes (many). */
const ROUTE_CHANGE_TOPIC = 'referral_route';

/** The routes of the forms (reference data): which functions receive what, with their time frames. */
export class ReferralRouteService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The route of each form and purpose, as cached (null: none). */
  private readonly routeByPurpose = new NoticedCache<ReferralRoute | null>(1000);

  /** What the cache hears (the trigger of migration ReferenceDataChangeNotices). */
  readonly watchers: [topic: string, watcher: Watcher][] = [[ROUTE_CHANGE_TOPIC, this.routeByPurpose]];

  list(): Promise<ReferralRoute[]> {
    return this.dataSource.manager.find(ReferralRoute, { order: { form: 'ASC', purpose: 'ASC' } });
  }

  changesOf(route: Pick<ReferralRoute, 'form' | 'purpose'>, first: number): Promise<ReferralRouteChange[]> {
    return this.dataSource.manager.find(ReferralRouteChange, {
      where: { form: route.form, purpose: route.purpose },
      order: { at: 'ASC', id: 'ASC' },
      take: first,
    });
  }

  /** The route of a form and purpose: the purpose's own, else the form's route for any purpose; null: no route. As cached: shared, never to be changed. */
  routeFor(manager: EntityManager, form: ReferralForm, purpose: string | null): Promise<ReferralRoute | null> {
    return this.routeByPurpose.get(`${form}/${purpose ?? ANY_PURPOSE}`, async () => {
      const routes = await manager.findBy(ReferralRoute, { form, purpose: In([purpose ?? ANY_PURPOSE, ANY_PURPOSE]) });
      const route = routes.find((r) => r.purpose === purpose) ?? routes.find((r) => r.purpose === ANY_PURPOSE) ?? null;
      return route && Object.freeze(route);
    });
  }

  /**
   * The functions someone of `ownFunctionId` may file a referral of this form (and 14566 purpose) to, as fileReferral
   * checks it: active, another function than their own (IRM 10.5.3.3.7.1), and named by the route where there is one.
   */
  async receiversFor(ownFunctionId: string, form: ReferralForm, purpose: string | null, first: number): Promise<BusinessFunction[]> {
    const manager = this.dataSource.manager;
    const route = await this.routeFor(manager, form, purpose);
    const active = await manager.find(BusinessFunction, { where: { active: true }, order: { code: 'ASC' } });
    return active.filter((fn) => fn.id !== ownFunctionId && (!route || route.receivingFunctionCodes.includes(fn.code))).slice(0, first);
  }

  /** The active function the route of a form and purpose names first; null when none is active (or there is no route). */
  async receiverOf(manager: EntityManager, form: ReferralForm, purpose: string): Promise<BusinessFunction | null> {
    const route = await this.routeFor(manager, form, purpose);
    if (!route) return null;
    const functions = await manager.findBy(BusinessFunction, { code: In(route.receivingFunctionCodes), active: true });
    return route.receivingFunctionCodes.map((code) => functions.find((fn) => fn.code === code)).find(Boolean) ?? null;
  }

  /** Refuses a receiver the route does not name, naming the receivers allowed and the IRM paragraph. */
  async receiverProblem(manager: EntityManager, route: ReferralRoute | null, receiving: BusinessFunction): Promise<FieldError | null> {
    if (!route || route.receivingFunctionCodes.includes(receiving.code)) return null;
    const named = await manager.findBy(BusinessFunction, { code: In(route.receivingFunctionCodes) });
    const allowed = route.receivingFunctionCodes.map((code) => {
      const fn = named.find((f) => f.code === code);
      return fn ? `${fn.name} (${code})` : code;
    });
    const what = route.purpose === ANY_PURPOSE ? `a Form ${route.form.slice(1)}` : `a Form ${route.form.slice(1)} for ${route.purpose}`;
    return { field: 'receivingFunctionId', message: `${what} goes only to ${allowed.join(' or ')} (${route.irmReference})` };
  }

  /** The time frames the route gives its receiver, if it gives any. */
  timeFrameOf(route: ReferralRoute | null): TimeFrame | null {
    if (!route || (route.ackBusinessDays === null && route.ackCalendarDays === null && route.completionCalendarDays === null)) return null;
    return route;
  }

  /** Admin: creates or replaces a route; the change is kept with the route before and after. */
  async set(caller: Caller, input: RouteInput): Promise<ReferralRoute> {
    if (!caller.hasRole(Role.ADMIN)) throw new ForbiddenError('Only an admin may change referral routes');
    return this.routeByPurpose.changing(null, () =>
      this.dataSource.transaction(async (manager) => {
        const purpose = await this.check(manager, input);
        const now = this.clock.now();
        const existing = await manager.findOneBy(ReferralRoute, { form: input.form, purpose });
        const before = existing ? snapshot(existing) : null;
        const route = manager.create(ReferralRoute, {
          form: input.form,
          purpose,
          receivingFunctionCodes: [...new Set(input.receivingFunctionCodes.map((code) => code.trim().toUpperCase()))],
          ackBusinessDays: input.ackBusinessDays ?? null,
          ackCalendarDays: input.ackCalendarDays ?? null,
          completionCalendarDays: input.completionCalendarDays ?? null,
          irmReference: input.irmReference.trim(),
          updatedAt: now,
        });
        await manager.save(ReferralRoute, route);
        await manager.save(
          ReferralRouteChange,
          manager.create(ReferralRouteChange, { form: route.form, purpose, actorId: caller.id, at: now, before, after: snapshot(route) }),
        );
        return route;
      }),
    );
  }

  private async check(manager: EntityManager, input: RouteInput): Promise<string> {
    const problems: FieldError[] = [];
    const purpose = input.purpose ?? null;
    if (input.form === ReferralForm.F14566 && !purpose)
      problems.push({ field: 'purpose', message: 'a Form 14566 route is for one purpose' });
    if (input.form !== ReferralForm.F14566 && purpose)
      problems.push({ field: 'purpose', message: `a Form ${input.form.slice(1)} has no purpose` });
    const codes = input.receivingFunctionCodes.map((code) => code.trim().toUpperCase());
    if (codes.length === 0) problems.push({ field: 'receivingFunctionCodes', message: 'at least one is required' });
    const known = new Set((await manager.findBy(BusinessFunction, { code: In(codes), active: true })).map((fn) => fn.code));
    const unknown = codes.filter((code) => !known.has(code));
    if (unknown.length)
      problems.push({ field: 'receivingFunctionCodes', message: `no active function has the code ${unknown.join(', ')}` });
    for (const field of ['ackBusinessDays', 'ackCalendarDays', 'completionCalendarDays'] as const) {
      const days = input[field];
      if (days != null && (!Number.isInteger(days) || days < 1 || days > MAX_DAYS))
        problems.push({ field, message: `must be 1 to ${MAX_DAYS} days` });
    }
    if (input.ackBusinessDays != null && input.ackCalendarDays != null) {
      problems.push({ field: 'ackCalendarDays', message: 'give the acknowledgment in business days or in calendar days, not both' });
    }
    if (input.form !== ReferralForm.F14566 && (input.ackBusinessDays != null || input.ackCalendarDays != null)) {
      problems.push({
        field: 'ackBusinessDays',
        message: "a Form 4442 or 3210 is not acknowledged (IRM 25.25.6: straight into RIVO's queue)",
      });
    }
    problems.push(...checkText(input.irmReference, 'irmReference', TEXT_MAX.short).errors);
    if (problems.length) throw new InvalidInputError(problems);
    return purpose ?? ANY_PURPOSE;
  }
}
