import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  NoticeTemplates,
  type NoticeKind,
  type NoticeModel,
  type RenderedNotice,
} from '../../../src/platform/notifications/mail/render-notice';
import { NOTICE_TEMPLATE_SETS } from '../../../src/app/notice-kinds';

/** The hub's renderer, with every module's templates as the app wires it. */
const hubNotices = new NoticeTemplates(NOTICE_TEMPLATE_SETS);

export const renderNotice = (kind: NoticeKind, model: NoticeModel): RenderedNotice => hubNotices.render(kind, model);

/** Every template file of every set: its name and its path. */
export function templateFiles(): { file: string; path: string }[] {
  return NOTICE_TEMPLATE_SETS.flatMap(({ folder }) => readdirSync(folder).map((file) => ({ file, path: join(folder, file) })));
}

/** Every field set, with values that are easy to find in the output. */
export function fullModel(overrides: Partial<NoticeModel> = {}): NoticeModel {
  return {
    recipientName: 'Robin Liaison',
    referenceNumber: '14566-2026-000042',
    formName: 'Form 14566, BMF Identity Theft Referral',
    state: 'FORWARDED',
    actorName: 'Sam Originator',
    dueAt: 'Mon 30 Nov 2026, 11:59 PM CST',
    clock: 'acknowledgment',
    escalationLevel: 2,
    link: 'https://hub.example.gov/referrals/3f1c9a2e',
    items: [
      {
        referenceNumber: '4442-2026-000007',
        formName: 'Form 4442, Inquiry Referral',
        state: 'ASSIGNED',
        link: 'https://hub.example.gov/referrals/7b0d',
        summary: 'Completion due Tue 1 Dec',
      },
      {
        referenceNumber: '3210-2026-000011',
        formName: 'Form 3210, Document Transmittal',
        state: 'FORWARDED',
        link: 'https://hub.example.gov/referrals/9e4a',
        summary: 'Acknowledgment overdue since Fri 27 Nov',
      },
    ],
    ...overrides,
  };
}

/** Only what the kind requires. */
export function minimalModel(kind: NoticeKind): NoticeModel {
  const model: NoticeModel = {
    recipientName: 'Robin Liaison',
    referenceNumber: '14566-2026-000042',
    formName: 'Form 14566, BMF Identity Theft Referral',
    state: 'FORWARDED',
    link: 'https://hub.example.gov/referrals/3f1c9a2e',
  };
  if (kind.startsWith('SLA_')) {
    model.clock = 'acknowledgment';
    model.dueAt = 'Mon 30 Nov 2026, 11:59 PM CST';
  }
  if (kind === 'SLA_ESCALATION') model.escalationLevel = 1;
  if (kind === 'DAILY_DIGEST') model.items = [];
  return model;
}

/** Markers of a template bug: unrendered syntax, or a value that was never in the model. */
export const ARTIFACTS = ['{{', '}}', 'undefined', 'null', 'NaN', '[object', 'Infinity'];

/** SSN/ITIN, EIN and nine digits in a row (independent of the renderer's own guard). */
export const TIN_SHAPES: readonly RegExp[] = [/\d{3}-\d{2}-\d{4}/, /\d{2}-\d{7}/, /\d{9}/];
