import { EntityManager } from 'typeorm';
import { TecsHistoryEntry, TecsSubject } from './tecs-history.entity';

export interface TecsHistoryFact {
  subjectType: TecsSubject;
  subjectId: string;
  action: string;
  fromState?: string | null;
  toState?: string | null;
  actorId: string | null;
  at: Date;
  note?: string | null;
  details?: Record<string, unknown> | null;
}

/** Appends to the TECS history (append-only; the database refuses changes). */
export async function appendTecsHistory(manager: EntityManager, ...facts: TecsHistoryFact[]): Promise<void> {
  await manager.save(
    TecsHistoryEntry,
    facts.map((f) => ({ ...f, fromState: f.fromState ?? null, toState: f.toState ?? null, note: f.note ?? null, details: f.details ?? null })),
  );
}
