import { EntityManager } from 'typeorm';
import { LocalDate } from './business-calendar';
import { RetimeResult } from './closure-retimer';
import { Closure, ClosureChangeKind, ClosureHistoryEntry } from './closure.entity';

/** The facts of a closure as kept in its history (before/after a change). */
type ClosureFacts = { startDate: LocalDate; endDate: LocalDate; nationwide: boolean; functionIds: string[]; reason: string };

/** One entry kind per change: an addition has no before, a removal no after. */
type ClosureHistoryKind =
  | { change: ClosureChangeKind.ADDED; before: null; after: ClosureFacts }
  | { change: ClosureChangeKind.UPDATED; before: ClosureFacts; after: ClosureFacts }
  | { change: ClosureChangeKind.REMOVED; before: ClosureFacts; after: null };

function factsOf(closure: Closure): ClosureFacts {
  return {
    startDate: closure.startDate,
    endDate: closure.endDate,
    nationwide: closure.nationwide,
    functionIds: [...closure.functionIds],
    reason: closure.reason,
  };
}

/** The entry kind of a change from the closure before it (null when added) and after it. */
export function closureHistoryKind(change: ClosureChangeKind, before: Closure | null, after: Closure): ClosureHistoryKind {
  if (change === ClosureChangeKind.ADDED) return { change, before: null, after: factsOf(after) };
  if (!before) throw new Error(`a ${change} closure change needs the closure as it was`);
  return change === ClosureChangeKind.UPDATED
    ? { change, before: factsOf(before), after: factsOf(after) }
    : { change, before: factsOf(before), after: null };
}

/** Appends to the closure history (append-only: the database refuses changes), with what the change did to open clocks. */
export async function appendClosureHistory(
  manager: EntityManager,
  entry: ClosureHistoryKind & RetimeResult & { closureId: string; actorId: string; at: Date },
): Promise<void> {
  await manager.save(ClosureHistoryEntry, manager.create(ClosureHistoryEntry, entry));
}
