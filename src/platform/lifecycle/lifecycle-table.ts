/**
 * A lifecycle as data: for each action, the states it applies in, the state it leads to, who may take it,
 * the clocks it starts and stops, whether the actor must say why, and who hears about it. Domains declare
 * their tables with `defineLifecycle`, which refuses a broken table when the module loads (compare vendure's
 * finite-state-machine and validate-transition-definition).
 */
export interface LifecycleRule<
  S extends string = string,
  P extends string = string,
  C extends string = string,
  K extends string = string,
  A extends string = string,
> {
  /** The GraphQL operation that takes the action (an ACCESS_POLICY key); null when it is only a step of another one. */
  mutation: string | null;
  /** null: the action creates the item. */
  from: readonly S[] | null;
  /** null: the state does not change. */
  to: S | null;
  by: readonly P[];
  starts?: readonly C[];
  stops?: readonly C[];
  /** The actor must say why (the reason is kept in the history note). */
  reason?: true;
  /** null: nobody is told. */
  notify: { kind: K; to: readonly A[]; urgent?: boolean } | null;
  source: string;
}

export interface LifecycleDefinition<S extends string, Act extends string, R extends LifecycleRule<S>> {
  /** What the item is called in messages ("referral", "lookout", "OI", "crossing"). */
  subject: string;
  states: readonly S[];
  /** States no action leaves. */
  terminal: readonly S[];
  rules: Readonly<Record<Act, R>>;
}

export class LifecycleDefinitionError extends Error {
  constructor(
    subject: string,
    readonly problems: string[],
  ) {
    super(`The ${subject} lifecycle is broken: ${problems.join('; ')}`);
  }
}

/** Everything wrong with a table (empty when it is sound). `isOperation` says whether a name has an ACCESS_POLICY entry. */
export function lifecycleProblems<S extends string, Act extends string, R extends LifecycleRule<S>>(
  definition: LifecycleDefinition<S, Act, R>,
  isOperation: (name: string) => boolean,
): string[] {
  const problems: string[] = [];
  const known = new Set<string>(definition.states);
  const rules = Object.entries(definition.rules) as [Act, R][];
  const unknown = (state: string, where: string) => {
    if (!known.has(state)) problems.push(`${where} names unknown state ${state}`);
  };
  definition.terminal.forEach((state) => unknown(state, 'terminal'));
  for (const [action, rule] of rules) {
    rule.from?.forEach((state) => unknown(state, `${action}.from`));
    if (rule.to !== null) unknown(rule.to, `${action}.to`);
    if (rule.from === null && rule.to === null) problems.push(`${action} creates the item but names no state to create it in`);
    if (rule.from?.length === 0) problems.push(`${action} applies in no state`);
    if (rule.by.length === 0) problems.push(`${action} names nobody who may take it`);
    if (rule.mutation !== null && !isOperation(rule.mutation))
      problems.push(`${action} is taken by ${rule.mutation}, which has no ACCESS_POLICY entry`);
    const terminalFrom = rule.from?.filter((state) => definition.terminal.includes(state)) ?? [];
    if (terminalFrom.length) problems.push(`${action} leaves terminal state ${terminalFrom.join(', ')}`);
  }
  for (const state of definition.states) {
    const leaves = rules.some(([, rule]) => rule.from?.includes(state) && (rule.to ?? state) !== state);
    if (!leaves && !definition.terminal.includes(state)) problems.push(`${state} is a dead end but not declared terminal`);
  }
  const reached = reachableStates(definition);
  const unreached = definition.states.filter((state) => !reached.has(state));
  if (unreached.length) problems.push(`unreachable from the start: ${unreached.join(', ')}`);
  return problems;
}

/** The states some sequence of actions reaches from a creating action. */
function reachableStates<S extends string>(definition: LifecycleDefinition<S, string, LifecycleRule<S>>): Set<S> {
  const rules = Object.values(definition.rules) as LifecycleRule<S>[];
  const reached = new Set<S>(rules.flatMap((rule) => (rule.from === null && rule.to !== null ? [rule.to] : [])));
  const queue = [...reached];
  for (let state = queue.shift(); state !== undefined; state = queue.shift()) {
    for (const rule of rules) {
      if (rule.to === null || !rule.from?.includes(state) || reached.has(rule.to)) continue;
      reached.add(rule.to);
      queue.push(rule.to);
    }
  }
  return reached;
}

/** Declares a lifecycle, refusing (at module load) a table with any problem. */
export function defineLifecycle<S extends string, Act extends string, R extends LifecycleRule<S>>(
  definition: LifecycleDefinition<S, Act, R>,
  isOperation: (name: string) => boolean,
): LifecycleDefinition<S, Act, R> {
  const problems = lifecycleProblems(definition, isOperation);
  if (problems.length) throw new LifecycleDefinitionError(definition.subject, problems);
  return definition;
}

/** "ORIGINATING_LIAISON" → "originating liaison", for the README tables and messages. */
export function inWords(values: readonly string[]): string {
  return values.map((value) => value.toLowerCase().replace(/_/g, ' ')).join(', ');
}

/** How a domain words the parts of its table the README prints beyond the common columns. */
export interface LifecycleMarkdown<R> {
  /** Printed after the mutation, e.g. the forms an action is for. */
  mutationNote?: (rule: R) => string;
  /** The clocks column (omitted when absent). */
  clocks?: (rule: R) => string;
}

/** A lifecycle as the Markdown table printed in the README (test/readme.test.ts keeps the README in step). */
export function lifecycleMarkdownTable<S extends string, Act extends string, R extends LifecycleRule<S>>(
  definition: LifecycleDefinition<S, Act, R>,
  words: LifecycleMarkdown<R> = {},
): string {
  const open = definition.states.filter((state) => !definition.terminal.includes(state));
  const from = (rule: R) =>
    rule.from === null
      ? '—'
      : rule.from.length === open.length && open.length > 1 && open.every((s) => rule.from!.includes(s))
        ? 'any open state'
        : rule.from.join(', ');
  const columns: [string, (rule: R) => string][] = [
    ['mutation', (rule) => (rule.mutation ? `\`${rule.mutation}\`` : '—') + (words.mutationNote?.(rule) ?? '')],
    ['from', from],
    ['to', (rule) => rule.to ?? '(unchanged)'],
    ['who may act', (rule) => inWords(rule.by)],
    ...(words.clocks ? [['clocks', words.clocks] as [string, (rule: R) => string]] : []),
    ['reason', (rule) => (rule.reason ? 'required' : '')],
    ['notifies', (rule) => (rule.notify ? `${rule.notify.kind}: ${inWords(rule.notify.to)}` : '')],
    ['source', (rule) => rule.source],
  ];
  const rows = (Object.values(definition.rules) as R[]).map((rule) => `| ${columns.map(([, cell]) => cell(rule)).join(' | ')} |`);
  return [`| ${columns.map(([header]) => header).join(' | ')} |`, `|${columns.map(() => '---|').join('')}`, ...rows].join('\n');
}
