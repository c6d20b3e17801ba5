import { DataSource, EntityManager } from 'typeorm';
import { Caller } from '../org/caller';
import { Clock } from '../../platform/common/clock';
import { nextReferenceNumber } from '../../platform/common/reference-number';
import { ConflictError, InvalidInputError, NotFoundError } from '../../platform/common/errors';
import { historyColumnsOf, LifecycleApplier, LifecycleEffect, LifecycleStep } from '../../platform/lifecycle/lifecycle-applier';
import { BusinessFunction } from '../org/business-function.entity';
import { Employee } from '../org/employee.entity';
import { OrgService } from '../org/org.service';
import { Role } from '../org/role';
import { checkText, TEXT_MAX } from '../../platform/validation/text';
import { tinsOf } from './forms/content-tins';
import { ReferralContentInput, StoredReferralContent, validateReferralContent } from './forms/form-content';
import { taxpayerDataCipher } from '../../platform/security/taxpayer-data-cipher';
import { ReferralForm } from './forms/referral-form';
import { ReferralCategoryService } from './referral-category.service';
import { CalendarService } from '../../platform/calendar/calendar.service';
import {
  ackLength,
  ClockLength,
  completionLength,
  DEFAULT_TIME_FRAMES,
  nextDueAt,
  ReferralClock,
  referralClocksFor,
  REVIEW_LENGTH,
  runningClocks,
  TimeFrame,
} from './referral-clocks';
import { ClockExplanation } from './referral-clock-explanation';
import { ReferralHistoryEntry } from './referral-history.entity';
import { appendReferralHistory, ReferralHistoryDetails, ReferralHistoryFact } from './referral-history';
import { REFERRAL_LIFECYCLE, ReferralClockSet, Transition } from './referral-lifecycle';
import { partiesOf } from './referral-parties';
import { LifecycleAction, ReferralAction, ReferralState, TERMINAL_STATES } from './referral-state';
import { ReferralBefore, ReferralNotifier } from './referral-notifier';
import { ReferralTimeFrame } from './referral-time-frame.entity';
import { Referral } from './referral.entity';
import { RESOLUTION_CODES } from './resolution-codes';

export interface FileReferralCommand {
  form: ReferralForm;
  receivingFunctionId: string;
  content: ReferralContentInput;
}

/** Common to every transition: optimistic `expectedVersion` (else the version read) and a note. */
export interface TransitionCommand {
  referralId: string;
  expectedVersion?: number | null;
  note?: string | null;
}

type ReferralStep = LifecycleStep<Referral>;
type ReceiptClock = ReferralClock.ACKNOWLEDGMENT | ReferralClock.COMPLETION;

/** What a transition may change; identity, parties and the filing facts never change. */
const MUTABLE_COLUMNS = [
  'state',
  'content',
  'tinHashes',
  'categoryCode',
  'assigneeId',
  'submittedAt',
  'reviewDueAt',
  'receivedAt',
  'ackDueAt',
  'acknowledgedAt',
  'completionDueAt',
  'completedAt',
  'closedAt',
  'nextDueAt',
  'actionsTaken',
  'resolutionCode',
  'elevationLevel',
  'elevationHolderIds',
  'slaCheckAt',
] as const satisfies readonly (keyof Referral)[];

function tinHashesOf(content: StoredReferralContent): string[] {
  return tinsOf(content).map(({ tin }) => taxpayerDataCipher().hash(tin));
}

const FORM_NUMBER: Record<ReferralForm, string> = {
  [ReferralForm.F14566]: '14566',
  [ReferralForm.F4442]: '4442',
  [ReferralForm.F3210]: '3210',
};

/**
 * The referral lifecycle (REFERRAL_LIFECYCLE) applied: each public method is one transaction that
 * checks who may act and from which state, updates the referral under its version, and appends history.
 */
export class ReferralService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    /** Closures included: each function's business days come from here. */
    private readonly calendars: CalendarService,
    private readonly org: OrgService,
    private readonly categories: ReferralCategoryService,
    private readonly notifier: ReferralNotifier,
  ) {}

  /** REFERRAL_LIFECYCLE applied: the table's clocks, the versioned update, the history row and the notices. */
  private readonly lifecycle = new LifecycleApplier<
    ReferralState,
    LifecycleAction,
    Transition,
    Referral,
    ReferralHistoryDetails,
    ReferralBefore
  >(REFERRAL_LIFECYCLE, {
    target: Referral,
    stateOf: (referral) => referral.state,
    setState: (referral, state) => {
      referral.state = state;
    },
    changes: (referral) => Object.fromEntries(MUTABLE_COLUMNS.map((column) => [column, referral[column]])),
    clocks: {
      start: (clock, step) => this.startClock(clock, step),
      stop: (clock, { item }) => stopClock(clock, item),
    },
    admissible: (action, rule, referral) => {
      if (rule.forms && !rule.forms.includes(referral.form)) {
        throw InvalidInputError.single(
          'referralId',
          `only ${rule.forms.join(', ')} referrals can be ${action.toLowerCase().replace(/_/g, ' ')}`,
        );
      }
    },
    settle: (referral, now) => {
      referral.nextDueAt = nextDueAt(referral.state, referral);
      // The SLA sweep re-plans reminders, breaches and escalations for the clocks now running.
      referral.slaCheckAt = now;
    },
    before: (referral) => ({ elevationHolderIds: [...referral.elevationHolderIds], receivedAt: referral.receivedAt }),
    record: (manager, fact) =>
      appendReferralHistory(manager, [{ referralId: fact.item.id, ...historyColumnsOf(fact) } as ReferralHistoryFact]),
    notify: (manager, _rule, fact) => this.notifier.transitioned(manager, fact.action, fact.before, fact.item, fact.actorId!, fact.at),
  });

  async file(caller: Caller, command: FileReferralCommand): Promise<Referral> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const receiving = await manager.findOneBy(BusinessFunction, { id: command.receivingFunctionId, active: true });
      const problems = [];
      if (!receiving) problems.push({ field: 'receivingFunctionId', message: 'no such active function' });
      else if (receiving.id === caller.employee.functionId) {
        problems.push({ field: 'receivingFunctionId', message: 'a referral goes to another function (IRM 10.5.3.3.7.1)' });
      }
      const category =
        command.form === ReferralForm.F4442 && command.content.form4442
          ? await this.categories.resolve(manager, command.content.form4442.category)
          : null;
      let validated: ReturnType<typeof validateReferralContent> | null = null;
      try {
        validated = validateReferralContent(command.form, command.content, { now, category4442: category });
      } catch (error) {
        if (!(error instanceof InvalidInputError)) throw error;
        problems.push(...error.fieldErrors);
      }
      const followUpOfId = command.content.form4442?.followUpOfReferralId ?? null;
      if (followUpOfId) problems.push(...(await this.checkFollowUp(manager, followUpOfId, now)));
      if (problems.length || !validated || !receiving) throw new InvalidInputError(problems);

      const originating = await manager.findOneByOrFail(BusinessFunction, { id: caller.employee.functionId });
      const referral = manager.create(Referral, {
        referenceNumber: await nextReferenceNumber(manager, 'referral_number_seq', FORM_NUMBER[command.form], now),
        form: command.form,
        originatorId: caller.id,
        originatingFunctionId: originating.id,
        receivingFunctionId: receiving.id,
        categoryCode: category?.code ?? null,
        followUpOfId,
        content: validated.content,
        tinHashes: tinHashesOf(validated.content),
        receivedAt: null,
        ackDueAt: null,
        acknowledgedAt: null,
        completionDueAt: null,
        completedAt: null,
        closedAt: null,
        assigneeId: null,
        actionsTaken: null,
        resolutionCode: null,
        elevationLevel: 0,
        elevationHolderIds: [],
      });
      await this.lifecycle.create(manager, ReferralAction.FILE, referral, { actorId: caller.id, now, note: null });
      return referral;
    });
  }

  returnIncomplete(caller: Caller, command: TransitionCommand & { missingItems: string[] }): Promise<Referral> {
    return this.transition(caller, command, ReferralAction.RETURN_INCOMPLETE, async () => ({
      missingItems: this.checkItems(command.missingItems, 'missingItems'),
    }));
  }

  resubmit(caller: Caller, command: TransitionCommand & { content?: ReferralContentInput | null }): Promise<Referral> {
    return this.transition(caller, command, ReferralAction.RESUBMIT, async ({ manager, item: referral, now }) => {
      if (command.content) {
        const category =
          referral.form === ReferralForm.F4442 && command.content.form4442
            ? await this.categories.resolve(manager, command.content.form4442.category)
            : null;
        referral.content = validateReferralContent(referral.form, command.content, { now, category4442: category }).content;
        referral.tinHashes = tinHashesOf(referral.content);
        referral.categoryCode = category?.code ?? referral.categoryCode;
      }
      return { contentChanged: Boolean(command.content) };
    });
  }

  forward(caller: Caller, command: TransitionCommand): Promise<Referral> {
    return this.transition(caller, command, ReferralAction.FORWARD);
  }

  returnToOriginatingLiaison(caller: Caller, command: TransitionCommand & { missingItems: string[] }): Promise<Referral> {
    return this.transition(caller, command, ReferralAction.RETURN_TO_ORIGINATING_LIAISON, async ({ item: referral }) => {
      const missingItems = this.checkItems(command.missingItems, 'missingItems');
      referral.assigneeId = null;
      return { missingItems };
    });
  }

  acknowledge(caller: Caller, command: TransitionCommand): Promise<Referral> {
    return this.transition(caller, command, ReferralAction.ACKNOWLEDGE, async ({ item: referral, now }) => {
      referral.acknowledgedAt = now;
      return null;
    });
  }

  assign(caller: Caller, command: TransitionCommand & { assigneeId: string }): Promise<Referral> {
    return this.transition(caller, command, ReferralAction.ASSIGN, async ({ manager, item: referral }) => {
      const assignee = await manager.findOneBy(Employee, { id: command.assigneeId, active: true });
      if (!assignee || assignee.functionId !== referral.receivingFunctionId) {
        throw InvalidInputError.single('assigneeId', 'must be an active employee of the receiving function');
      }
      const previous = referral.assigneeId;
      referral.assigneeId = assignee.id;
      return { assigneeId: assignee.id, previousAssigneeId: previous };
    });
  }

  complete(caller: Caller, command: TransitionCommand & { actionsTaken: string[]; resolutionCode?: string | null }): Promise<Referral> {
    return this.transition(caller, command, ReferralAction.COMPLETE, async ({ item: referral, now }) => {
      const actionsTaken = this.checkItems(command.actionsTaken, 'actionsTaken');
      const code = command.resolutionCode?.trim().toUpperCase() || null;
      if (code && !RESOLUTION_CODES[referral.form].includes(code)) {
        throw InvalidInputError.single('resolutionCode', `must be one of ${RESOLUTION_CODES[referral.form].join(', ')}`);
      }
      referral.actionsTaken = actionsTaken;
      referral.resolutionCode = code;
      referral.completedAt = now;
      return { resolutionCode: code };
    });
  }

  returnNoTppInvolvement(caller: Caller, command: TransitionCommand): Promise<Referral> {
    return this.transition(caller, command, ReferralAction.RETURN_NO_TPP_INVOLVEMENT, async ({ item: referral, now }) => {
      referral.resolutionCode = 'NOTIVO';
      referral.completedAt = now;
      return null;
    });
  }

  close(caller: Caller, command: TransitionCommand): Promise<Referral> {
    return this.transition(caller, command, ReferralAction.CLOSE, async ({ item: referral, now }) => {
      referral.closedAt = now;
      return null;
    });
  }

  withdraw(caller: Caller, command: TransitionCommand): Promise<Referral> {
    return this.transition(caller, command, ReferralAction.WITHDRAW, async ({ item: referral, now }) => {
      referral.closedAt = now;
      return null;
    });
  }

  /**
   * IRM 10.5.3.3.7.1(5) note: a disagreement goes to the BMF ID theft liaisons (level 1); if they
   * cannot agree, each elevates through their management chain (level n: n-1 managers above each
   * function's liaison). Climbing stops at the top of both chains.
   */
  elevate(caller: Caller, command: TransitionCommand & { reason: string }): Promise<Referral> {
    return this.transition(caller, { ...command, note: command.reason }, ReferralAction.ELEVATE, async ({ manager, item: referral }) => {
      const level = referral.elevationLevel + 1;
      const holders = await this.elevationHolders(manager, referral, level);
      const current = [...referral.elevationHolderIds].sort();
      if (level > 1 && holders.length === current.length && holders.every((id, i) => id === current[i])) {
        throw new ConflictError('The disagreement already sits at the top of both management chains', 'WRONG_STATE');
      }
      if (holders.length === 0) throw new ConflictError('Neither function has a BMF ID theft liaison to elevate to', 'WRONG_STATE');
      referral.elevationLevel = level;
      referral.elevationHolderIds = holders;
      return { level, holderIds: holders };
    });
  }

  resolveElevation(caller: Caller, command: TransitionCommand & { resolution: string }): Promise<Referral> {
    return this.transition(
      caller,
      { ...command, note: command.resolution },
      ReferralAction.RESOLVE_ELEVATION,
      async ({ item: referral }) => {
        if (referral.elevationLevel === 0) throw new ConflictError('The referral is not elevated', 'WRONG_STATE');
        const level = referral.elevationLevel;
        referral.elevationLevel = 0;
        referral.elevationHolderIds = [];
        return { resolvedAtLevel: level };
      },
    );
  }

  /** Throws NOT_FOUND for referrals the caller may not see, so existence does not leak. */
  async get(caller: Caller, id: string): Promise<Referral> {
    const referral = await this.dataSource.manager.findOneBy(Referral, { id });
    if (!referral || !this.canSee(caller, referral)) throw new NotFoundError('Referral', id, referral !== null);
    return referral;
  }

  async history(caller: Caller, referralId: string, first?: number): Promise<ReferralHistoryEntry[]> {
    await this.get(caller, referralId);
    return this.dataSource.manager.find(ReferralHistoryEntry, { where: { referralId }, order: { at: 'ASC', id: 'ASC' }, take: first });
  }

  canSee(caller: Caller, referral: Referral): boolean {
    return (
      caller.hasRole(Role.ADMIN) ||
      referral.originatorId === caller.id ||
      referral.assigneeId === caller.id ||
      caller.isLiaisonFor(referral.originatingFunctionId) ||
      caller.isLiaisonFor(referral.receivingFunctionId) ||
      referral.elevationHolderIds.includes(caller.id)
    );
  }

  /** One lifecycle action in its own transaction; the note field is `reason`/`resolution` for actions that need a reason. */
  private async transition<A extends LifecycleAction>(
    caller: Caller,
    command: TransitionCommand,
    action: A,
    effect?: LifecycleEffect<Referral, ReferralHistoryDetails[A]>,
  ): Promise<Referral> {
    const field = action === ReferralAction.RESOLVE_ELEVATION ? 'resolution' : action === ReferralAction.ELEVATE ? 'reason' : 'note';
    const note = this.lifecycle.checkNote(action, { value: command.note, field });
    return this.dataSource.transaction(async (manager) => {
      const referral = await manager.findOneBy(Referral, { id: command.referralId });
      if (!referral || !this.canSee(caller, referral)) throw new NotFoundError('Referral', command.referralId, referral !== null);
      const command_ = {
        actorId: caller.id,
        parties: partiesOf(caller, referral),
        expectedVersion: command.expectedVersion,
        now: this.clock.now(),
        note,
      };
      return (await this.lifecycle.apply(manager, action, referral, command_, effect)).item;
    });
  }

  /** What starting each clock of the table means for a referral. */
  private async startClock(clock: ReferralClockSet, { manager, item: referral, now }: ReferralStep): Promise<void> {
    if (clock === 'REVIEW') return this.restartReview(manager, referral, now);
    const receiving = await manager.findOneByOrFail(BusinessFunction, { id: referral.receivingFunctionId });
    const lengths = await this.receiptClockLengths(manager, referral);
    const clocks = referralClocksFor(await this.calendars.forClocks(manager), receiving.id);
    referral.receivedAt = now;
    referral.ackDueAt = lengths.ACKNOWLEDGMENT && clocks.dueAt(lengths.ACKNOWLEDGMENT, now, receiving.timeZone);
    referral.completionDueAt = lengths.COMPLETION && clocks.dueAt(lengths.COMPLETION, now, receiving.timeZone);
  }

  /** The receiving function's time frame for the form (else the form's default), the 4442 category's completion days first. */
  private async receiptClockLengths(manager: EntityManager, referral: Referral): Promise<Record<ReceiptClock, ClockLength | null>> {
    const timeFrame = await this.timeFrameOf(manager, referral.receivingFunctionId, referral.form);
    const categoryDays = referral.categoryCode
      ? ((await this.categories.byCode(manager, referral.categoryCode))?.completionDays ?? null)
      : null;
    return { ACKNOWLEDGMENT: ackLength(timeFrame), COMPLETION: completionLength(timeFrame, categoryDays) };
  }

  /**
   * How each running clock of a referral the caller already sees got its due time: the clock's length and start,
   * walked on the acting function's calendar under the closures in force (the code that computed the due time).
   */
  async explainClocks(referral: Referral): Promise<ClockExplanation[]> {
    const manager = this.dataSource.manager;
    const calendars = await this.calendars.current(manager);
    const lengths: Record<ReferralClock, ClockLength | null> = {
      REVIEW: REVIEW_LENGTH,
      ...(referral.receivedAt ? await this.receiptClockLengths(manager, referral) : { ACKNOWLEDGMENT: null, COMPLETION: null }),
    };
    const explanations: ClockExplanation[] = [];
    for (const { kind } of runningClocks(referral.state, referral)) {
      const review = kind === ReferralClock.REVIEW;
      const length = lengths[kind];
      const startedAt = review ? referral.submittedAt : referral.receivedAt;
      if (!length || !startedAt) continue;
      const actingFunctionId = review ? referral.originatingFunctionId : referral.receivingFunctionId;
      const actingFunction = await manager.findOneByOrFail(BusinessFunction, { id: actingFunctionId });
      const explained = referralClocksFor(calendars, actingFunction.id).explain(length, startedAt, actingFunction.timeZone);
      explanations.push({
        clock: kind,
        unit: length.unit,
        length: length.days,
        timeZone: actingFunction.timeZone,
        startedAt,
        ...explained,
      });
    }
    return explanations;
  }

  private async restartReview(manager: EntityManager, referral: Referral, now: Date): Promise<void> {
    const originating = await manager.findOneByOrFail(BusinessFunction, { id: referral.originatingFunctionId });
    referral.submittedAt = now;
    referral.reviewDueAt = referralClocksFor(await this.calendars.forClocks(manager), originating.id).reviewDueAt(
      now,
      originating.timeZone,
    );
  }

  private async timeFrameOf(manager: EntityManager, functionId: string, form: ReferralForm): Promise<TimeFrame> {
    return (await manager.findOneBy(ReferralTimeFrame, { functionId, form })) ?? DEFAULT_TIME_FRAMES[form];
  }

  /** A follow-up 4442 is filed only after the earlier one went unresolved past its time frame (IRM 25.25.6.6.4). */
  private async checkFollowUp(manager: EntityManager, earlierId: string, now: Date) {
    const field = 'form4442.followUpOfReferralId';
    const earlier = await manager.findOneBy(Referral, { id: earlierId });
    if (!earlier || earlier.form !== ReferralForm.F4442) return [{ field, message: 'no such Form 4442 referral' }];
    if (TERMINAL_STATES.includes(earlier.state) || earlier.state === ReferralState.COMPLETED) {
      return [{ field, message: 'the earlier referral is already resolved' }];
    }
    if (!earlier.completionDueAt || earlier.completionDueAt > now) {
      return [{ field, message: "a follow-up is filed only after the earlier referral's time frame has passed unresolved" }];
    }
    return [];
  }

  private async elevationHolders(manager: EntityManager, referral: Referral, level: number): Promise<string[]> {
    const holders = new Set<string>();
    for (const functionId of new Set([referral.originatingFunctionId, referral.receivingFunctionId])) {
      const liaisons = await this.org.liaisonsOf(functionId, manager);
      if (level === 1) {
        liaisons.forEach((liaison) => holders.add(liaison.id));
      } else if (liaisons.length) {
        const above = await this.org.managerAbove(manager, liaisons[0].id, level - 1);
        holders.add((above ?? liaisons[0]).id);
      }
    }
    return [...holders].sort();
  }

  private checkItems(items: string[], field: string): string[] {
    if (items.length === 0) throw InvalidInputError.single(field, 'at least one is required');
    const errors = items.flatMap((item, i) => checkText(item, `${field}[${i}]`, TEXT_MAX.narrative).errors);
    if (errors.length) throw new InvalidInputError(errors);
    return items.map((item) => item.trim());
  }
}

/** What stopping each clock of the table means for a referral: its due times (and receipt) are cleared. */
function stopClock(clock: ReferralClockSet, referral: Referral): void {
  if (clock === 'REVIEW') {
    referral.reviewDueAt = null;
    return;
  }
  referral.receivedAt = null;
  referral.ackDueAt = null;
  referral.acknowledgedAt = null;
  referral.completionDueAt = null;
}
