import { NOTICE_KINDS, renderNotice } from '../../../src/notifications/mail/render-notice';
test('scratch', () => {
const base = { recipientName: 'Pat <b>Liaison</b>', referenceNumber: '14566-2026-000042', formName: 'Form 14566, BMF Identity Theft Referral', state: 'FORWARDED', actorName: 'Sam Originator', dueAt: 'Mon 30 Nov 2026, 11:59 PM CST', clock: 'acknowledgment', escalationLevel: 2, link: 'https://hub.example.gov/referrals/abc', items: [{ referenceNumber: '4442-2026-000007', formName: 'Form 4442, Inquiry Referral', state: 'ASSIGNED', link: 'https://hub.example.gov/referrals/x', summary: 'Completion due Tue 1 Dec' }] };
let out = '';
for (const k of NOTICE_KINDS) { const r = renderNotice(k, base); out += `===== ${k}\n${r.subject}\n---\n${r.text}`; }
const r = renderNotice('REFERRAL_FORWARDED', { recipientName: 'x', referenceNumber: '1', formName: 'f', state: 's', link: 'https://a/' });
out += r.subject + '\n' + r.text + r.html;
out += renderNotice('DAILY_DIGEST', {...base, items: []}).text;
require('fs').writeFileSync('/tmp/scratch.out', out);
});
