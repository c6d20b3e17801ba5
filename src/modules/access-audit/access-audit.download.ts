import { AuditKind, AuditOutcome } from '../../platform/audit/access-audit.entity';
import { AccessAuditService } from '../../platform/audit/access-audit.service';
import { Download, EXPORTS_PATH, namedIds } from '../../platform/exports/download';

/** The access audit as CSV (what `accessAuditCsv` was), with the accessAudit query's filters. */
export const ACCESS_AUDIT_DOWNLOAD: Download<{ audit: AccessAuditService }, unknown> = {
  path: `${EXPORTS_PATH}/access-audit.csv`,
  taxpayerParameters: [],
  open(p) {
    const filter = p.checked({
      actorId: p.id('actorId'),
      itemId: p.text('itemId'),
      operation: p.text('operation'),
      kind: p.oneOf('kind', Object.values(AuditKind)),
      outcome: p.oneOf('outcome', Object.values(AuditOutcome)),
      from: p.instant('from'),
      to: p.instant('to'),
    });
    return { itemIds: namedIds(filter.actorId, filter.itemId), rows: (services) => services.audit.exportRows(filter) };
  },
};
