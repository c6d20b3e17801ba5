import DataLoader from 'dataloader';
import { EntityManager, In } from 'typeorm';
import { AccessAuditService } from '../../platform/audit/access-audit.service';
import { Closure } from '../../platform/calendar/closure.entity';
import { rowsById } from '../../platform/database/rows-by-id';
import { OrgContext } from '../org/org-context';
import { ReferralCategory } from './referral-category.entity';
import { ReferralCategoryService } from './referral-category.service';
import { ReferralClosureEffect } from './referral-closure-effect.entity';
import { ReferralHistoryEntry } from './referral-history.entity';
import { ReferralQueryService } from './referral-query.service';
import { ReferralService } from './referral.service';
import { Referral } from './referral.entity';
import { ReferralRouteService } from './referral-route.service';
import { SlaReportService } from './sla-report.service';
import { StoredDocument } from '../../platform/storage/stored-document.entity';
import { REFERRAL_DOCUMENT_OWNER } from './referral-document-custody';
import { ReferralDocumentCustody } from './referral-document-custody.service';

/** Per-request batching so a page of referrals costs a bounded number of statements. */
export function createReferralLoaders(manager: EntityManager) {
  return {
    category: new DataLoader<string, ReferralCategory | null>(async (codes) => {
      const rows = await manager.findBy(ReferralCategory, { code: In([...codes]) });
      const map = new Map(rows.map((row) => [row.code, row]));
      return codes.map((code) => map.get(code) ?? null);
    }),
    /** A referral's history, oldest first; only reached through a referral the caller may see. */
    history: new DataLoader<string, ReferralHistoryEntry[]>(async (referralIds) => {
      const rows = await manager.find(ReferralHistoryEntry, {
        where: { referralId: In([...referralIds]) },
        order: { at: 'ASC', id: 'ASC' },
      });
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
    referral: new DataLoader<string, Referral | null>(async (ids) => rowsById(await manager.findBy(Referral, { id: In([...ids]) }), ids)),
    closure: new DataLoader<string, Closure | null>(async (ids) => rowsById(await manager.findBy(Closure, { id: In([...ids]) }), ids)),
    closureEffects: new DataLoader<string, ReferralClosureEffect[]>(async (referralIds) => {
      const rows = await manager.find(ReferralClosureEffect, {
        where: { referralId: In([...referralIds]) },
        order: { at: 'ASC', id: 'ASC' },
      });
      return referralIds.map((id) => rows.filter((row) => row.referralId === id));
    }),
    /** A referral's documents, oldest first; only reached through a referral the caller may see. */
    documents: new DataLoader<string, StoredDocument[]>(async (referralIds) => {
      const rows = await manager.find(StoredDocument, {
        where: { ownerKind: REFERRAL_DOCUMENT_OWNER, ownerId: In([...referralIds]) },
        order: { uploadedAt: 'ASC', id: 'ASC' },
      });
      return referralIds.map((id) => rows.filter((row) => row.ownerId === id));
    }),
  };
}

export type ReferralLoaders = ReturnType<typeof createReferralLoaders>;

/** What the referral resolvers read of a request's context. */
export type ReferralsContext = OrgContext & {
  services: {
    audit: AccessAuditService;
    categories: ReferralCategoryService;
    referrals: ReferralService;
    referralQueries: ReferralQueryService;
    routes: ReferralRouteService;
    slaReport: SlaReportService;
    referralDocumentCustody: ReferralDocumentCustody;
  };
  loaders: ReferralLoaders;
};
