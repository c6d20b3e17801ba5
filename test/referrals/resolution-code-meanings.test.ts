import 'reflect-metadata';
import { Referral14566Purpose } from '../../src/modules/referrals/forms/form-14566';
import { ReferralForm } from '../../src/modules/referrals/forms/referral-form';
import { withMeanings } from '../../src/modules/referrals/resolution-code-meanings';
import { MISROUTE_CODES, resolutionRuleOf } from '../../src/modules/referrals/resolution-codes';

describe('the meaning of each code a referral closes with (Exhibit 25.25.6-9; IRM 10.5.3.3.9-12)', () => {
  const allCodes = [
    ...resolutionRuleOf(ReferralForm.F4442, null).codes,
    ...resolutionRuleOf(ReferralForm.F3210, null).codes,
    ...Object.values(Referral14566Purpose).flatMap((purpose) => resolutionRuleOf(ReferralForm.F14566, purpose).codes),
    ...MISROUTE_CODES,
  ];

  it.each([...new Set(allCodes)])('%s has a meaning of its own, not the bare code', (code) => {
    const [option] = withMeanings([code]);
    expect(option.code).toBe(code);
    expect(option.meaning).toEqual(expect.any(String));
    expect(option.meaning).not.toContain(code);
  });
});
