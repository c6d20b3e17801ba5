import { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { ConflictError, ForbiddenError } from '../common/errors';
import { insertEntity } from '../database/entity-insert';
import { updateVersioned } from '../database/versioned-update';
import { orThrow } from '../validation/checked';
import { checkOptionalText, checkText, TEXT_MAX } from '../validation/text';
import { inWords, LifecycleDefinition, LifecycleRule } from './lifecycle-table';

/** What an action changes in the item beyond its state and clocks; it returns the history details of the action. */
export type LifecycleEffect<E, Details> = (step: LifecycleStep<E>) => Promise<Details>;

export interface LifecycleStep<E> {
  manager: EntityManager;
  item: E;
  now: Date;
  note: string | null;
}

/** What the applier hands the history writer and the notifier. */
export interface LifecycleFact<S, Act, E, Details, Before> {
  action: Act;
  details: Details;
  fromState: S | null;
  toState: S;
  item: E;
  before: Before;
  actorId: string | null;
  at: Date;
  note: string | null;
}

type ClockOf<R> = R extends LifecycleRule<string, string, infer C> ? C : never;
type PartyOf<R> = R extends LifecycleRule<string, infer P> ? P : never;

/**
 * What a domain tells the applier about its items. `Details` maps each action to the details its history entry
 * carries (the history table's entry kinds); `Before` is what notices need to know of the item before the action.
 */
export interface LifecycleHooks<
  S extends string,
  Act extends string,
  R extends LifecycleRule<S>,
  E,
  Details extends Record<Act, unknown>,
  Before,
> {
  target: EntityTarget<E>;
  stateOf(item: E): S;
  setState(item: E, state: S): void;
  /** The columns the versioned update writes. */
  changes(item: E): QueryDeepPartialEntity<E>;
  /** For items without a version column: the update applies only while the row is still in the state read. */
  guardOf?(fromState: S): FindOptionsWhere<E>;
  /** The clocks the table starts and stops: stops run before the action's own effect, starts after it. */
  clocks?: {
    start(clock: ClockOf<R>, step: LifecycleStep<E>): Promise<void>;
    stop(clock: ClockOf<R>, step: LifecycleStep<E>): void;
  };
  /** Checks of the action against the item beyond its state, after who may act (e.g. the forms an action is for). */
  admissible?(action: Act, rule: R, item: E): void;
  /** Derived columns written with every step (e.g. the next due time). */
  settle?(item: E, now: Date): void;
  before(item: E): Before;
  record(manager: EntityManager, fact: LifecycleFact<S, Act, E, Details[Act], Before>): Promise<void>;
  /** Enqueues the rule's notices; returns their ids (for immediate delivery of urgent ones). */
  notify(manager: EntityManager, rule: R, fact: LifecycleFact<S, Act, E, Details[Act], Before>): Promise<string[]>;
}

/** The columns of a history row every lifecycle writes (the history writer adds which item it is about). */
export function historyColumnsOf<S, Act, E, Details, Before>({
  action,
  details,
  fromState,
  toState,
  actorId,
  at,
  note,
}: LifecycleFact<S, Act, E, Details, Before>) {
  return { action, details, fromState, toState, actorId, at, note };
}

export interface ActionCommand<P extends string> {
  actorId: string | null;
  /** How the actor relates to the item. */
  parties: ReadonlySet<P>;
  /** Optimistic locking from the caller's screen (else the version read applies). */
  expectedVersion?: number | null;
  now: Date;
}

/** The note (or reason, for actions the table marks `reason`) as typed, with the input field it came from. */
export interface ActionNote {
  value: string | null | undefined;
  field: string;
}

export interface Applied<E> {
  item: E;
  noticeIds: string[];
}

/**
 * Applies a lifecycle table to items: checks who may act, the version and the state, runs the clocks the
 * table names and the action's effect, writes the item under its version, one history row and the notices.
 * One applier for every lifecycle, so the tables are the rules.
 */
export class LifecycleApplier<
  S extends string,
  Act extends string,
  R extends LifecycleRule<S>,
  E extends ObjectLiteral & { id: string; version?: number },
  Details extends Record<Act, unknown>,
  Before,
> {
  constructor(
    readonly definition: LifecycleDefinition<S, Act, R>,
    private readonly hooks: LifecycleHooks<S, Act, R, E, Details, Before>,
  ) {}

  rule(action: Act): R {
    return this.definition.rules[action];
  }

  /** The note as the table wants it: required for actions that need a reason, else optional. Checked before anything is read. */
  checkNote(action: Act, note: ActionNote): string | null {
    return this.rule(action).reason
      ? orThrow(checkText(note.value ?? '', note.field, TEXT_MAX.narrative))
      : orThrow(checkOptionalText(note.value, note.field, TEXT_MAX.narrative));
  }

  /** A creating action (`from: null`): `item` is new and unsaved; the applier starts its clocks, saves it, records and notifies. */
  async create<A extends Act>(
    manager: EntityManager,
    action: A,
    item: E,
    command: Omit<ActionCommand<PartyOf<R>>, 'parties' | 'expectedVersion'> & { note: string | null },
    effect?: LifecycleEffect<E, Details[A]>,
  ): Promise<Applied<E>> {
    const rule = this.rule(action);
    if (rule.from !== null || rule.to === null) throw new Error(`${action} does not create a ${this.definition.subject}`);
    const step = { manager, item, now: command.now, note: command.note };
    const details = effect ? await effect(step) : (null as Details[A]);
    this.hooks.setState(item, rule.to);
    for (const clock of (rule.starts ?? []) as ClockOf<R>[]) await this.hooks.clocks!.start(clock, step);
    this.hooks.settle?.(item, command.now);
    // insert, not save: the item is new, and save would first look for its id with a SELECT.
    await insertEntity(manager, this.hooks.target, item);
    const fact = {
      action,
      details,
      fromState: null,
      toState: rule.to,
      item,
      before: this.hooks.before(item),
      actorId: command.actorId,
      at: command.now,
      note: command.note,
    };
    return this.finish(manager, rule, fact);
  }

  /**
   * The actions `parties` may take on the item in its state now, by the table (and `admissible`): what a client offers
   * as buttons. apply checks again when one is taken.
   */
  available(item: E, parties: ReadonlySet<PartyOf<R>>): Act[] {
    const state = this.hooks.stateOf(item);
    return (Object.keys(this.definition.rules) as Act[]).filter((action) => {
      const rule = this.rule(action);
      if (rule.from === null || !rule.from.includes(state) || !rule.by.some((party) => parties.has(party as PartyOf<R>))) return false;
      try {
        this.hooks.admissible?.(action, rule, item);
        return true;
      } catch {
        return false;
      }
    });
  }

  /** Whether the action may be taken on the item now: who acts, the version they saw, the state (apply checks again). */
  check(action: Act, item: E, command: Pick<ActionCommand<PartyOf<R>>, 'parties' | 'expectedVersion'>): R {
    const rule = this.rule(action);
    const subject = this.definition.subject;
    if (!rule.by.some((party) => command.parties.has(party as PartyOf<R>))) {
      throw new ForbiddenError(`Only the ${inWords(rule.by).replace(/, /g, ' or ')} may ${inWords([action])} this ${subject}`);
    }
    this.hooks.admissible?.(action, rule, item);
    if (command.expectedVersion != null && command.expectedVersion !== item.version) {
      throw new ConflictError(
        `The ${subject} changed (version ${item.version}, expected ${command.expectedVersion}); reload and retry`,
        'STALE_VERSION',
      );
    }
    const state = this.hooks.stateOf(item);
    if (rule.from === null || !rule.from.includes(state)) {
      throw new ConflictError(`Cannot ${inWords([action])} a ${subject} in state ${state}`, 'WRONG_STATE');
    }
    return rule;
  }

  /** An action on an existing item, inside the caller's transaction; `note` was checked with `checkNote`. */
  async apply<A extends Act>(
    manager: EntityManager,
    action: A,
    item: E,
    command: ActionCommand<PartyOf<R>> & { note: string | null },
    effect?: LifecycleEffect<E, Details[A]>,
  ): Promise<Applied<E>> {
    const rule = this.check(action, item, command);
    const subject = this.definition.subject;
    const fromState = this.hooks.stateOf(item);
    const before = this.hooks.before(item);
    const step = { manager, item, now: command.now, note: command.note };
    for (const clock of (rule.stops ?? []) as ClockOf<R>[]) this.hooks.clocks!.stop(clock, step);
    const details = effect ? await effect(step) : (null as Details[A]);
    for (const clock of (rule.starts ?? []) as ClockOf<R>[]) await this.hooks.clocks!.start(clock, step);
    if (rule.to !== null) this.hooks.setState(item, rule.to);
    this.hooks.settle?.(item, command.now);
    await updateVersioned(manager, this.hooks.target, item, this.hooks.changes(item), { subject, guard: this.hooks.guardOf?.(fromState) });
    const fact = {
      action,
      details,
      fromState,
      toState: this.hooks.stateOf(item),
      item,
      before,
      actorId: command.actorId,
      at: command.now,
      note: command.note,
    };
    return this.finish(manager, rule, fact);
  }

  private async finish(manager: EntityManager, rule: R, fact: LifecycleFact<S, Act, E, Details[Act], Before>): Promise<Applied<E>> {
    await this.hooks.record(manager, fact);
    const noticeIds = rule.notify ? await this.hooks.notify(manager, rule, fact) : [];
    return { item: fact.item, noticeIds };
  }
}
