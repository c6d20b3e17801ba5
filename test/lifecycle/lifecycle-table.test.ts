import 'reflect-metadata';
import { ACCESS_POLICY } from '../../src/modules/auth/access-policy';
import { REFERRAL_LIFECYCLES } from '../../src/modules/referrals/referral-lifecycle';
import { CROSSING_LIFECYCLE } from '../../src/modules/tecs/crossing-lifecycle';
import { INVESTIGATION_LIFECYCLE } from '../../src/modules/tecs/investigation-lifecycle';
import { LOOKOUT_LIFECYCLE } from '../../src/modules/tecs/lookout-lifecycle';
import {
  defineLifecycle,
  LifecycleDefinition,
  LifecycleDefinitionError,
  LifecycleRule,
  lifecycleProblems,
} from '../../src/platform/lifecycle/lifecycle-table';

type State = 'DRAFT' | 'OPEN' | 'DONE';
type Action = 'CREATE' | 'OPEN' | 'FINISH';
const OPERATIONS = new Set(['create', 'open', 'finish']);
const isOperation = (name: string) => OPERATIONS.has(name);

const rule = (mutation: string | null, from: State[] | null, to: State | null): LifecycleRule<State> => ({
  mutation,
  from,
  to,
  by: ['OWNER'],
  notify: null,
  source: 'test',
});

/** A sound table: DRAFT → OPEN → DONE. */
function table(): LifecycleDefinition<string, Action, LifecycleRule<string>> {
  return {
    subject: 'thing',
    states: ['DRAFT', 'OPEN', 'DONE'],
    terminal: ['DONE'],
    rules: { CREATE: rule('create', null, 'DRAFT'), OPEN: rule('open', ['DRAFT'], 'OPEN'), FINISH: rule('finish', ['OPEN'], 'DONE') },
  };
}

const problemsOf = (edit: (t: ReturnType<typeof table>) => void) => {
  const t = table();
  edit(t);
  return lifecycleProblems(t, isOperation);
};

describe('the lifecycle tables of the hub', () => {
  it.each([
    ['Form 14566 referral', REFERRAL_LIFECYCLES.F14566],
    ['Form 4442 referral', REFERRAL_LIFECYCLES.F4442],
    ['Form 3210 referral', REFERRAL_LIFECYCLES.F3210],
    ['lookout', LOOKOUT_LIFECYCLE],
    ['OI', INVESTIGATION_LIFECYCLE],
    ['crossing', CROSSING_LIFECYCLE],
  ] as const)('the %s table is sound against the real ACCESS_POLICY', (_name, definition) => {
    expect(
      lifecycleProblems(definition as LifecycleDefinition<string, string, LifecycleRule<string>>, (name) => name in ACCESS_POLICY),
    ).toEqual([]);
  });
});

describe('validating a lifecycle table', () => {
  it('accepts a sound table', () => {
    expect(lifecycleProblems(table(), isOperation)).toEqual([]);
    expect(defineLifecycle(table(), isOperation).subject).toBe('thing');
  });

  it('refuses an unknown state in from, to or terminal', () => {
    expect(problemsOf((t) => Object.assign(t.rules, { OPEN: rule('open', ['DRAFT', 'LIMBO' as State], 'OPEN') }))).toContain(
      'OPEN.from names unknown state LIMBO',
    );
    expect(problemsOf((t) => Object.assign(t.rules, { FINISH: rule('finish', ['OPEN'], 'GONE' as State) }))).toContain(
      'FINISH.to names unknown state GONE',
    );
    expect(problemsOf((t) => (t.terminal = ['DONE', 'GONE']))).toContain('terminal names unknown state GONE');
  });

  it('refuses a state no sequence of actions reaches from the start', () => {
    expect(
      problemsOf((t) => {
        t.states = [...t.states, 'ARCHIVED'];
        t.terminal = ['DONE', 'ARCHIVED'];
      }),
    ).toEqual(['unreachable from the start: ARCHIVED']);
    // Without a creating action nothing is reachable.
    expect(problemsOf((t) => Object.assign(t.rules, { CREATE: rule('create', ['DONE'], 'DRAFT') }))).toContain(
      'unreachable from the start: DRAFT, OPEN, DONE',
    );
  });

  it('refuses an action on a terminal state, and a dead end not declared terminal', () => {
    expect(problemsOf((t) => Object.assign(t.rules, { FINISH: rule('finish', ['OPEN', 'DONE'], 'DONE') }))).toContain(
      'FINISH leaves terminal state DONE',
    );
    expect(problemsOf((t) => (t.terminal = []))).toEqual(['DONE is a dead end but not declared terminal']);
    // Staying in the state is not a way out.
    expect(problemsOf((t) => Object.assign(t.rules, { FINISH: rule('finish', ['OPEN'], null) }))).toEqual([
      'OPEN is a dead end but not declared terminal',
      'unreachable from the start: DONE',
    ]);
  });

  it('refuses an operation without an ACCESS_POLICY entry, but not a step of another operation', () => {
    expect(problemsOf((t) => Object.assign(t.rules, { OPEN: rule('openThing', ['DRAFT'], 'OPEN') }))).toEqual([
      'OPEN is taken by openThing, which has no ACCESS_POLICY entry',
    ]);
    expect(problemsOf((t) => Object.assign(t.rules, { OPEN: rule(null, ['DRAFT'], 'OPEN') }))).toEqual([]);
  });

  it('refuses a creating action without a state, an action for no state and an action nobody may take', () => {
    expect(problemsOf((t) => Object.assign(t.rules, { CREATE: rule('create', null, null) }))).toContain(
      'CREATE creates the item but names no state to create it in',
    );
    expect(problemsOf((t) => Object.assign(t.rules, { OPEN: rule('open', [], 'OPEN') }))).toContain('OPEN applies in no state');
    expect(problemsOf((t) => Object.assign(t.rules, { OPEN: { ...rule('open', ['DRAFT'], 'OPEN'), by: [] } }))).toEqual([
      'OPEN names nobody who may take it',
    ]);
  });

  it('refuses to define a broken table, naming every problem', () => {
    const broken = table();
    broken.terminal = [];
    Object.assign(broken.rules, { OPEN: rule('openThing', ['DRAFT'], 'OPEN') });
    expect(() => defineLifecycle(broken, isOperation)).toThrow(LifecycleDefinitionError);
    expect(() => defineLifecycle(broken, isOperation)).toThrow(
      'The thing lifecycle is broken: OPEN is taken by openThing, which has no ACCESS_POLICY entry; DONE is a dead end but not declared terminal',
    );
  });
});
