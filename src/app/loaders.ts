import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { BusinessFunction } from '../modules/org/business-function.entity';
import { Employee } from '../modules/org/employee.entity';
import { Closure } from '../platform/calendar/closure.entity';
import { ReferralCategory } from '../modules/referrals/referral-category.entity';
import { ReferralHistoryEntry } from '../modules/referrals/referral-history.entity';
import { ReferralClosureEffect } from '../modules/referrals/referral-closure-effect.entity';

function byId<T extends { id: string }>(rows: T[], ids: readonly string[]): (T | null)[] {
  const map = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => map.get(id) ?? null);
}

/** Per-request batching so a page of referrals costs a bounded number of statements. */
export function createLoaders(dataSource: DataSource) {
  const manager = dataSource.manager;
  return {
    employee: new DataLoader<string, Employee | null>(async (ids) => byId(await manager.findBy(Employee, { id: In([...ids]) }), ids)),
    businessFunction: new DataLoader<string, BusinessFunction | null>(async (ids) =>
      byId(await manager.findBy(BusinessFunction, { id: In([...ids]) }), ids),
    ),
    category: new DataLoader<string, ReferralCategory | null>(async (codes) => {
      const rows = await manager.findBy(ReferralCategory, { code: In([...codes]) });
      const map = new Map(rows.map((row) => [row.code, row]));
      return codes.map((code) => map.get(code) ?? null);
    }),
    /** A referral's history, oldest first; only reached through a referral the caller may see. */
    history: new DataLoader<string, ReferralHistoryEntry[]>(async (referralIds) => {
      const rows = await manager.find(ReferralHistoryEntry, { where: { referralId: In([...referralIds]) }, order: { at: 'ASC', id: 'ASC' } });
      return referralIds.map((id) => rows.filter((row) => row.referralId === id));
    }),
    historyCount: new DataLoader<string, number>(async (referralIds) => {
      const rows: { referral_id: string; count: string }[] = await manager.query(
        'SELECT referral_id, count(*) AS count FROM referral_history WHERE referral_id = ANY($1) GROUP BY referral_id',
        [[...referralIds]],
      );
      const map = new Map(rows.map((row) => [row.referral_id, Number(row.count)]));
      return referralIds.map((id) => map.get(id) ?? 0);
    }),
    closure: new DataLoader<string, Closure | null>(async (ids) => byId(await manager.findBy(Closure, { id: In([...ids]) }), ids)),
    closureEffects: new DataLoader<string, ReferralClosureEffect[]>(async (referralIds) => {
      const rows = await manager.find(ReferralClosureEffect, { where: { referralId: In([...referralIds]) }, order: { at: 'ASC', id: 'ASC' } });
      return referralIds.map((id) => rows.filter((row) => row.referralId === id));
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
