import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Caller } from '../org/caller';
import { Clock } from '../../platform/common/clock';
import { referenceNumberSql } from '../../platform/common/reference-number';
import { ConflictError, FieldError, InvalidInputError, NotFoundError } from '../../platform/common/errors';
import { getByReferenceNumber } from '../../platform/database/reference-lookup';
import { historyColumnsOf, LifecycleApplier, LifecycleEffect, LifecycleStep } from '../../platform/lifecycle/lifecycle-applier';
import { BusinessFunction } from '../org/business-function.entity';
import { OrgService } from '../org/org.service';
import { Role } from '../org/role';
import { checkText, TEXT_MAX } from '../../platform/validation/text';
import { ReferralContentInput, validateReferralContent } from './forms/form-content';
import { tinHashesOf } from './forms/sealed-content';
import { ReferralForm } from './forms/referral-form';
import { Referral14566Purpose } from './forms/form-14566';
import { ReferralCategoryService } from './referral-category.service';
import { ReferralCategory } from './referral-category.entity';
import { CalendarService } from '../../platform/calendar/calendar.service';
import {
  ackLength,
  clocksRunningIn,
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
import { returnDocumentsToSender } from './referral-document-custody';
import { appendReferralHistory, ReferralHistoryDetails, ReferralHistoryFact } from './referral-history';
import { QUEUE_STATES, REFERRAL_LIFECYCLES, ReferralClockSet, ReferralLifecycle, ruleOf, Transition } from './referral-lifecycle';
import { partiesOf } from './referral-parties';
import { LifecycleAction, ReferralAction, ReferralState, TERMINAL_STATES } from './referral-state';
import { ReferralBefore, ReferralNotifier } from './referral-notifier';
import { ReferralTimeFrame } from './referral-time-frame.entity';
import { ReferralRouteService } from './referral-route.service';
import { Referral } from './referral.entity';
import { MISROUTE_CODES, purposeOf, resolutionRuleOf } from './resolution-codes';

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
type ReferralApplier = LifecycleApplier<ReferralState, LifecycleAction, Transition, Referral, ReferralHistoryDetails, ReferralBefore>;
type ReceiptClock = ReferralClock.ACKNOWLEDGMENT | ReferralClock.COMPLETION;

/** What a filing read for its checks, so that starting its first clocks does not read it again. */
interface FilingReads {
  category: ReferralCategory | null;
}

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

/** The route each form follows (its lifecycle table), named in refusals of steps it lacks. */
const ROUTE_SOURCE: Record<ReferralForm, string> = {
  [ReferralForm.F14566]: 'IRM 10.5.3.3.7',
  [ReferralForm.F4442]: 'IRM 25.25.6: directly to RIVO',
  [ReferralForm.F3210]: 'IRM 25.25.6.2.3: directly to RIVO',
};

/** The input field that carries the note of actions whose table row requires a reason. */
const NOTE_FIELDS: Partial<Record<LifecycleAction, string>> = {
  [ReferralAction.RESOLVE_ELEVATION]: 'resolution',
  [ReferralAction.ELEVATE]: 'reason',
  [ReferralAction.MONITOR]: 'reason',
};

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
    private readonly routes: ReferralRouteService,
  ) {}

  /** Kept with the new referral (in memory, for the length of its filing). */
  private readonly filingReads = new WeakMap<Referral, FilingReads>();

  /** Each form's table (REFERRAL_LIFECYCLES) applied by the one engine: its clocks, the versioned update, the history row, the notices. */
  private readonly lifecycles = Object.fromEntries(
    Object.entries(REFERRAL_LIFECYCLES).map(([form, definition]) => [form, this.applierOf(definition)]),
  ) as Record<ReferralForm, ReferralApplier>;

  private applierOf(definition: ReferralLifecycle): ReferralApplier {
    return new LifecycleApplier(definition, {
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
      settle: (referral, now) => {
        referral.nextDueAt = nextDueAt(referral.state, referral);
        // The SLA sweep re-plans reminders, breaches and escalations for the clocks now running.
        referral.slaCheckAt = now;
      },
      before: (referral) => ({ elevationHolderIds: [...referral.elevationHolderIds], receivedAt: referral.receivedAt }),
      record: (manager, fact) =>
        appendReferralHistory(manager, [{ referralId: fact.item.id, ...historyColumnsOf(fact) } as ReferralHistoryFact]),
      notify: (manager, rule, fact) => this.notifier.transitioned(manager, rule, fact.before, fact.item, fact.actorId!, fact.at),
    });
  }

  file(caller: Caller, command: FileReferralCommand): Promise<Referral> {
    return this.dataSource.transaction((manager) =>
      this.fileIn(manager, caller, command, { id: randomUUID(), linkedReferralId: null, note: null }),
    );
  }

  /**
   * IRM 10.5.3.3.8(4): "If you identify potential IMF implications, you must notify CI and the Entity Fabrication
   * (EF) Team": one finding filed in one step as two linked 14566s, to the EF team (EF_SCHEME_CHECK) and to CI
   * (`ciPurpose`), each to the function its route names. Both or neither.
   */
  fileImfImplications(caller: Caller, command: { content: ReferralContentInput; ciPurpose: Referral14566Purpose }): Promise<Referral[]> {
    return this.dataSource.transaction(async (manager) => {
      if (![Referral14566Purpose.CI_SCHEME_SEARCH, Referral14566Purpose.CI_DETERMINATION_NOTICE].includes(command.ciPurpose)) {
        throw InvalidInputError.single('ciPurpose', 'must be CI_SCHEME_SEARCH or CI_DETERMINATION_NOTICE (IRM 10.5.3.3.10(2))');
      }
      if (!command.content.form14566) throw InvalidInputError.single('content.form14566', 'is required');
      const ids = [randomUUID(), randomUUID()];
      const purposes = [Referral14566Purpose.EF_SCHEME_CHECK, command.ciPurpose];
      const filed: Referral[] = [];
      for (const [i, purpose] of purposes.entries()) {
        const receiving = await this.routes.receiverOf(manager, ReferralForm.F14566, purpose);
        if (!receiving) throw InvalidInputError.single('ciPurpose', `no active function receives ${purpose}: an admin sets its route`);
        const content = { ...command.content, form14566: { ...command.content.form14566, purpose } };
        const note = `IMF implications: filed to CI and the EF team together (IRM 10.5.3.3.8(4))`;
        const command_ = { form: ReferralForm.F14566, receivingFunctionId: receiving.id, content };
        filed.push(await this.fileIn(manager, caller, command_, { id: ids[i], linkedReferralId: ids[1 - i], note }));
      }
      return filed;
    });
  }

  /** Files one referral inside the caller's transaction: receiver and route, content, the first clocks, history, notices. */
  private async fileIn(
    manager: EntityManager,
    caller: Caller,
    command: FileReferralCommand,
    filing: { id: string; linkedReferralId: string | null; note: string | null },
  ): Promise<Referral> {
    const now = this.clock.now();
    const [receivingFunction, originating] = await this.org.functionsOf([command.receivingFunctionId, caller.employee.functionId], manager);
    const receiving = receivingFunction?.active ? receivingFunction : null;
    const problems: FieldError[] = [];
    if (!receiving) problems.push({ field: 'receivingFunctionId', message: 'no such active function' });
    else if (receiving.id === caller.employee.functionId) {
      problems.push({ field: 'receivingFunctionId', message: 'a referral goes to another function (IRM 10.5.3.3.7.1)' });
    } else {
      const route = await this.routes.routeFor(manager, command.form, command.content.form14566?.purpose ?? null);
      const wrongReceiver = await this.routes.receiverProblem(manager, route, receiving);
      if (wrongReceiver) problems.push(wrongReceiver);
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
    if (command.form === ReferralForm.F3210 && !caller.hasRole(Role.REVENUE_OFFICER)) {
      problems.push({ field: 'form', message: 'only a revenue officer files a Form 3210 to RIVO (IRM 25.25.6.2.3(1)-(2))' });
    }
    if (category?.originatorRole && !caller.hasRole(category.originatorRole)) {
      problems.push({
        field: 'content.form4442.category',
        message: `only a ${category.originatorRole} files the category ${category.name} (${category.irmReference})`,
      });
    }
    const followUpOfId = command.content.form4442?.followUpOfReferralId ?? null;
    if (followUpOfId) problems.push(...(await this.checkFollowUp(manager, followUpOfId, now)));
    if (problems.length || !validated || !receiving) throw new InvalidInputError(problems);
    if (!originating) throw new NotFoundError('Function', caller.employee.functionId);
    const referral = manager.create(Referral, {
      id: filing.id,
      linkedReferralId: filing.linkedReferralId,
      // Drawn from the sequence by the INSERT itself (read back with RETURNING).
      referenceNumber: referenceNumberSql('referral_number_seq', FORM_NUMBER[command.form], now) as unknown as string,
      form: command.form,
      originatorId: caller.id,
      originatingFunctionId: originating.id,
      receivingFunctionId: receiving.id,
      categoryCode: category?.code ?? null,
      followUpOfId,
      content: validated.content,
      tinHashes: tinHashesOf(validated.content),
      // Filing submits it (a 14566's review clock restarts this on resubmission).
      submittedAt: now,
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
      standInReviewerId: await this.standInReviewerOf(manager, caller, originating.id),
    });
    this.filingReads.set(referral, { category });
    await this.lifecycles[command.form].create(manager, ReferralAction.FILE, referral, { actorId: caller.id, now, note: filing.note });
    return referral;
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
      const assignee = await this.org.activeEmployee(manager, command.assigneeId);
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
      // The receiver answers in its own codes where the IRM names them (per form and 14566 purpose).
      const rule = resolutionRuleOf(referral.form, purposeOf(referral.content));
      if (code ? !rule.codes.includes(code) : rule.required) {
        throw InvalidInputError.single('resolutionCode', `must be one of ${rule.codes.join(', ')} (${rule.source})`);
      }
      referral.actionsTaken = actionsTaken;
      referral.resolutionCode = code;
      referral.completedAt = now;
      // On the RIVO route completing closes the control: nothing waits for the sender (IRM 25.25.6.2.3(4)).
      if (ruleOf(referral.form, ReferralAction.COMPLETE)?.to === ReferralState.CLOSED) referral.closedAt = now;
      return { resolutionCode: code };
    });
  }

  returnNoTppInvolvement(caller: Caller, command: TransitionCommand): Promise<Referral> {
    return this.transition(caller, command, ReferralAction.RETURN_NO_TPP_INVOLVEMENT, async ({ manager, item: referral, now }) => {
      // IRM 25.25.6.2.3(3): the referral goes back "and attachments".
      await returnDocumentsToSender(manager, referral, caller.id, now);
      referral.resolutionCode = 'NOTIVO';
      referral.completedAt = now;
      return null;
    });
  }

  /** A RIVO employee takes the referral from the function's queue (IRM 25.25.6.2(10)). */
  checkOut(caller: Caller, command: TransitionCommand): Promise<Referral> {
    return this.transition(caller, command, ReferralAction.CHECK_OUT, async ({ item: referral }) => {
      referral.assigneeId = caller.id;
      return { assigneeId: caller.id };
    });
  }

  openControl(caller: Caller, command: TransitionCommand): Promise<Referral> {
    return this.transition(caller, command, ReferralAction.OPEN_CONTROL);
  }

  monitor(caller: Caller, command: TransitionCommand & { reason: string }): Promise<Referral> {
    return this.transition(caller, { ...command, note: command.reason }, ReferralAction.MONITOR);
  }

  resumeWork(caller: Caller, command: TransitionCommand): Promise<Referral> {
    return this.transition(caller, command, ReferralAction.RESUME_WORK);
  }

  /** Exhibit 25.25.6-9: a misroute is routed to the right function and the control closed with its CL2* code. */
  closeAsMisroute(caller: Caller, command: TransitionCommand & { misrouteCode: string }): Promise<Referral> {
    return this.transition(caller, command, ReferralAction.CLOSE_AS_MISROUTE, async ({ item: referral, now }) => {
      const code = command.misrouteCode.trim().toUpperCase();
      if (!MISROUTE_CODES.includes(code)) throw InvalidInputError.single('misrouteCode', `must be one of ${MISROUTE_CODES.join(', ')}`);
      referral.resolutionCode = code;
      referral.completedAt = now;
      referral.closedAt = now;
      return { resolutionCode: code };
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

  /**
   * IRM 10.5.3.3.7.1(5) note: the functions may disagree "over the requested action or the timeframe for completion";
   * a resolution about the time frame gives the running completion clock its new due instant (the resolution is
   * the reason; the history keeps before and after; the SLA sweep re-plans from the new time).
   */
  resolveElevation(caller: Caller, command: TransitionCommand & { resolution: string; completionDueAt?: Date | null }): Promise<Referral> {
    return this.transition(
      caller,
      { ...command, note: command.resolution },
      ReferralAction.RESOLVE_ELEVATION,
      async ({ item: referral, now }) => {
        if (referral.elevationLevel === 0) throw new ConflictError('The referral is not elevated', 'WRONG_STATE');
        const level = referral.elevationLevel;
        const newDue = command.completionDueAt ?? null;
        if (newDue && !clocksRunningIn(referral.state).includes(ReferralClock.COMPLETION)) {
          throw InvalidInputError.single('completionDueAt', `no completion clock runs in state ${referral.state}`);
        }
        if (newDue && newDue <= now) throw InvalidInputError.single('completionDueAt', 'must be in the future');
        referral.elevationLevel = 0;
        referral.elevationHolderIds = [];
        if (!newDue) return { resolvedAtLevel: level };
        const before = referral.completionDueAt?.toISOString() ?? null;
        referral.completionDueAt = newDue;
        return { resolvedAtLevel: level, completionDueAt: { before, after: newDue.toISOString() } };
      },
    );
  }

  /** Throws NOT_FOUND for referrals the caller may not see, so existence does not leak. */
  async get(caller: Caller, id: string): Promise<Referral> {
    const referral = await this.dataSource.manager.findOneBy(Referral, { id });
    if (!referral || !this.canSee(caller, referral)) throw new NotFoundError('Referral', id, referral !== null);
    return referral;
  }

  /** By the reference number people quote (e.g. 14566-2026-000042), within what the caller may see. */
  getByReferenceNumber(caller: Caller, referenceNumber: string): Promise<Referral> {
    return getByReferenceNumber(this.dataSource.manager, Referral, 'Referral', referenceNumber, (id) => this.get(caller, id));
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
      referral.elevationHolderIds.includes(caller.id) ||
      referral.standInReviewerId === caller.id ||
      (referral.receivingFunctionId === caller.employee.functionId && QUEUE_STATES.includes(referral.state))
    );
  }

  /** One lifecycle action in its own transaction; the note field is `reason`/`resolution` for actions that need a reason. */
  private async transition<A extends LifecycleAction>(
    caller: Caller,
    command: TransitionCommand,
    action: A,
    effect?: LifecycleEffect<Referral, ReferralHistoryDetails[A]>,
  ): Promise<Referral> {
    const field = NOTE_FIELDS[action] ?? 'note';
    return this.dataSource.transaction(async (manager) => {
      const referral = await manager.findOneBy(Referral, { id: command.referralId });
      if (!referral || !this.canSee(caller, referral)) throw new NotFoundError('Referral', command.referralId, referral !== null);
      const rule = ruleOf(referral.form, action);
      if (!rule) {
        const steps = Object.values(REFERRAL_LIFECYCLES[referral.form].rules).map((r) => r.mutation);
        throw InvalidInputError.single(
          'referralId',
          `a Form ${FORM_NUMBER[referral.form]} referral has no "${action.toLowerCase().replace(/_/g, ' ')}" step on its route (${ROUTE_SOURCE[referral.form]}); its steps: ${steps.join(', ')}`,
        );
      }
      const lifecycle = this.lifecycles[referral.form];
      const note = lifecycle.checkNote(action, { value: command.note, field });
      const command_ = {
        actorId: caller.id,
        parties: partiesOf(caller, referral),
        expectedVersion: command.expectedVersion,
        now: this.clock.now(),
        note,
      };
      return (await lifecycle.apply(manager, action, referral, command_, effect)).item;
    });
  }

  /** What starting each clock of the table means for a referral. */
  private async startClock(clock: ReferralClockSet, { manager, item: referral, now }: ReferralStep): Promise<void> {
    if (clock === 'REVIEW') return this.restartReview(manager, referral, now);
    const receiving = await this.functionOf(manager, referral.receivingFunctionId);
    const lengths = await this.receiptClockLengths(manager, referral);
    const clocks = referralClocksFor(await this.calendars.forClocks(manager), receiving.id);
    referral.receivedAt = now;
    referral.ackDueAt = lengths.ACKNOWLEDGMENT && clocks.dueAt(lengths.ACKNOWLEDGMENT, now, receiving.timeZone);
    referral.completionDueAt = lengths.COMPLETION && clocks.dueAt(lengths.COMPLETION, now, receiving.timeZone);
  }

  /**
   * The lengths of the clocks that start at receipt. A form filed straight into the receiver's queue (its table starts
   * FORM_DATE: 4442, 3210) is not acknowledged and is completed within its category's days from the date of the form
   * (IRM 25.25.6.6.4), with no clock where the IRM names none; any other form takes the receiver's time frame, the
   * category's completion days first.
   */
  private async receiptClockLengths(manager: EntityManager, referral: Referral): Promise<Record<ReceiptClock, ClockLength | null>> {
    const filed = this.filingReads.get(referral)?.category;
    const category = !referral.categoryCode
      ? null
      : filed?.code === referral.categoryCode
        ? filed
        : await this.categories.byCode(manager, referral.categoryCode);
    const categoryDays = category?.completionDays ?? null;
    if (ruleOf(referral.form, ReferralAction.FILE)?.starts?.includes('FORM_DATE')) {
      return { ACKNOWLEDGMENT: null, COMPLETION: completionLength(DEFAULT_TIME_FRAMES[referral.form], categoryDays) };
    }
    const timeFrame = await this.timeFrameOf(manager, referral);
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
    const originating = await this.functionOf(manager, referral.originatingFunctionId);
    referral.submittedAt = now;
    referral.reviewDueAt = referralClocksFor(await this.calendars.forClocks(manager), originating.id).reviewDueAt(
      now,
      originating.timeZone,
    );
  }

  /** A function of the referral. */
  private async functionOf(manager: EntityManager, id: string): Promise<BusinessFunction> {
    const fn = await this.org.functionOf(id, manager);
    if (!fn) throw new NotFoundError('Function', id);
    return fn;
  }

  /**
   * The receiver's time frames: an installation's own row for the function (referral_time_frame) first, then the
   * route's (reference data: CAWR 30 days, EF and CI 30 days, IRM 10.5.3.3.9-.11), else the form's default.
   */
  private async timeFrameOf(manager: EntityManager, referral: Referral): Promise<TimeFrame> {
    const own = await manager.findOneBy(ReferralTimeFrame, { functionId: referral.receivingFunctionId, form: referral.form });
    if (own) return own;
    const route = await this.routes.routeFor(manager, referral.form, purposeOf(referral.content));
    return this.routes.timeFrameOf(route) ?? DEFAULT_TIME_FRAMES[referral.form];
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

  /**
   * Separation of duties: a liaison who files a referral does not review it; another liaison of the function does,
   * or, with none, the filer's manager (who stands in for the liaison on this referral). Null: no stand-in needed.
   */
  private async standInReviewerOf(manager: EntityManager, caller: Caller, functionId: string): Promise<string | null> {
    if (!caller.isLiaisonFor(functionId)) return null;
    const others = (await this.org.liaisonsOf(functionId, manager)).filter((liaison) => liaison.id !== caller.id);
    return others.length ? null : caller.employee.managerId;
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
