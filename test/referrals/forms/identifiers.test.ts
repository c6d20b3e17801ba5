import {
  TinType,
  VALID_MFT_CODES,
  checkDln,
  checkMft,
  checkPhone,
  checkState,
  checkTaxPeriod,
  checkTin,
  checkZip,
  dlnDocumentCode,
  maskTin,
} from '../../../src/platform/validation/identifiers';
import { NOW } from './fixtures';

const F = 'x.tin';

function messages(result: { errors: { field: string; message: string }[] }): string[] {
  for (const error of result.errors) expect(error.field).toBe(F);
  return result.errors.map((e) => e.message);
}

describe('checkTin', () => {
  it.each([
    [TinType.SSN, '123-45-6789'],
    [TinType.SSN, ' 123456789 '],
    [TinType.ITIN, '912-70-1234'],
    [TinType.ITIN, '999990000'],
    [TinType.EIN, '12-3456789'],
    [TinType.EIN, '123456789'],
  ])('accepts %s %s and normalizes it to 9 digits', (type, raw) => {
    const result = checkTin(raw, type, F);
    expect(result.errors).toEqual([]);
    expect(result.value).toBe(raw.replace(/\D/g, ''));
  });

  it.each([
    ['000-12-3456', /start with 000, 666 or 900/],
    ['666-12-3456', /start with 000, 666 or 900/],
    ['900-12-3456', /start with 000, 666 or 900/],
    ['999-12-3456', /start with 000, 666 or 900/],
    ['123-00-4567', /digits 4–5 cannot be 00/],
    ['123-45-0000', /last four digits cannot be 0000/],
  ])('rejects SSN %s', (raw, message) => {
    expect(messages(checkTin(raw, TinType.SSN, F))).toEqual([expect.stringMatching(message)]);
  });

  it('reports every SSN rule broken at once', () => {
    expect(messages(checkTin('000-00-0000', TinType.SSN, F))).toHaveLength(3);
  });

  it.each(['12-3456789', '123-456789', '12345678', '1234567890', '123 45 6789', 'abc-de-fghi'])('rejects the SSN format %s', (raw) => {
    expect(messages(checkTin(raw, TinType.SSN, F))).toEqual([expect.stringMatching(/9 digits/)]);
  });

  it.each([
    ['812-70-1234', /must start with 9/],
    ['912-49-1234', /50–65, 70–88, 90–92 or 94–99/],
    ['912-66-1234', /50–65, 70–88, 90–92 or 94–99/],
    ['912-69-1234', /50–65, 70–88, 90–92 or 94–99/],
    ['912-89-1234', /50–65, 70–88, 90–92 or 94–99/],
    ['912-93-1234', /50–65, 70–88, 90–92 or 94–99/],
  ])('rejects ITIN %s', (raw, message) => {
    expect(messages(checkTin(raw, TinType.ITIN, F))).toEqual([expect.stringMatching(message)]);
  });

  it.each(['50', '65', '70', '88', '90', '92', '94', '99'])('accepts ITIN digits 4–5 = %s', (middle) => {
    expect(checkTin(`900${middle}1234`, TinType.ITIN, F).errors).toEqual([]);
  });

  it.each(['00', '07', '08', '09', '17', '18', '19', '28', '29', '49', '69', '70', '78', '79', '89', '96', '97'])(
    'rejects the EIN prefix %s',
    (prefix) => {
      expect(messages(checkTin(`${prefix}-1234567`, TinType.EIN, F))).toEqual([expect.stringMatching(/prefix/)]);
    },
  );

  it.each(['123-45-6789', '1-23456789', '12-345678'])('rejects the EIN format %s', (raw) => {
    expect(messages(checkTin(raw, TinType.EIN, F))).toEqual([expect.stringMatching(/9 digits/)]);
  });

  it('reports a blank TIN as required', () => {
    expect(messages(checkTin('  ', TinType.SSN, F))).toEqual(['is required']);
  });

  it('never repeats the TIN in a message', () => {
    for (const [raw, type] of [
      ['666-80-2468', TinType.SSN],
      ['812-70-2468', TinType.ITIN],
      ['07-2468024', TinType.EIN],
      ['24-68024', TinType.EIN],
    ] as const) {
      for (const message of messages(checkTin(raw, type, F))) {
        expect(message).not.toContain(raw.replace(/\D/g, '').slice(-4));
      }
    }
  });
});

describe('maskTin', () => {
  it('shows only the last four digits, in the SSN/ITIN or EIN layout', () => {
    expect(maskTin('123456789', TinType.SSN)).toBe('***-**-6789');
    expect(maskTin('912701234', TinType.ITIN)).toBe('***-**-1234');
    expect(maskTin('123456789', TinType.EIN)).toBe('**-***6789');
  });

  it('never shows more than four digits, even for unnormalized input', () => {
    for (const type of Object.values(TinType)) {
      const masked = maskTin('12-3456-789', type);
      expect(masked.replace(/\D/g, '')).toBe('6789');
    }
  });
});

describe('checkTaxPeriod', () => {
  const period = (raw: string) => checkTaxPeriod(raw, 'p', NOW);

  it.each(['196001', '202412', '202612', ' 202506 '])('accepts %s', (raw) => {
    expect(period(raw)).toEqual({ value: raw.trim(), errors: [] });
  });

  it.each([
    ['202400', 'month must be 01–12'],
    ['202413', 'month must be 01–12'],
    ['195912', 'year cannot be earlier than 1960'],
    ['202701', 'year cannot be later than 2026'],
    ['2024-12', 'must be a tax period written YYYYMM'],
    ['20241', 'must be a tax period written YYYYMM'],
    ['', 'is required'],
  ])('rejects %s', (raw, message) => {
    expect(period(raw).errors).toEqual([{ field: 'p', message }]);
  });

  it('takes the latest year from the given clock, not the machine clock', () => {
    expect(checkTaxPeriod('203112', 'p', new Date('2030-01-01T00:00:00Z')).errors).toEqual([]);
    expect(checkTaxPeriod('203112', 'p', NOW).errors).toHaveLength(1);
  });
});

describe('checkMft', () => {
  it('accepts every listed IMF and BMF code', () => {
    for (const code of [...VALID_MFT_CODES.imf, ...VALID_MFT_CODES.bmf]) {
      expect(checkMft(code, 'm').errors).toEqual([]);
    }
  });

  it.each(['00', '18', '20', '99'])('rejects the unlisted code %s', (code) => {
    expect(checkMft(code, 'm').errors).toEqual([{ field: 'm', message: 'is not a valid MFT code' }]);
  });

  it.each(['1', '030', 'AB'])('rejects %s as not two digits', (code) => {
    expect(checkMft(code, 'm').errors).toEqual([{ field: 'm', message: 'must be a two-digit MFT code' }]);
  });
});

describe('checkDln', () => {
  it('accepts spaces and dashes and normalizes to 14 digits', () => {
    expect(checkDln('29211-123-45678-5', 'd')).toEqual({ value: '29211123456785', errors: [] });
    expect(checkDln(' 29 211 123 45678 5 ', 'd')).toEqual({ value: '29211123456785', errors: [] });
  });

  it.each(['2921112345678', '292111234567851', '2921112345678X'])('rejects %s', (raw) => {
    expect(checkDln(raw, 'd').errors).toEqual([{ field: 'd', message: 'must be a DLN of 14 digits' }]);
  });

  it('reads the document code from digits 4–5', () => {
    expect(dlnDocumentCode('29211123456785')).toBe('11');
  });
});

describe('checkPhone', () => {
  it.each(['(202) 555-0143', '202.555.0143', '+1 202 555 0143', '12025550143', '2025550143'])('normalizes %s to 10 digits', (raw) => {
    expect(checkPhone(raw, 'ph')).toEqual({ value: '2025550143', errors: [] });
  });

  it.each(['555-0143', '202-555-01434', '202-CALL-NOW', '22025550143'])('rejects %s', (raw) => {
    expect(checkPhone(raw, 'ph').errors).toEqual([{ field: 'ph', message: 'must be a US telephone number of 10 digits' }]);
  });

  it.each(['(102) 555-0143', '(202) 155-0143'])('rejects the NANP-invalid %s', (raw) => {
    expect(checkPhone(raw, 'ph').errors).toEqual([{ field: 'ph', message: 'is not a valid US telephone number' }]);
  });
});

describe('checkState', () => {
  it.each(['CA', 'dc', ' PR ', 'GU', 'VI', 'AS', 'MP', 'AE'])('accepts %s', (raw) => {
    expect(checkState(raw, 's')).toEqual({ value: raw.trim().toUpperCase(), errors: [] });
  });

  it.each(['XX', 'Calif', 'D.C.'])('rejects %s', (raw) => {
    expect(checkState(raw, 's').errors).toEqual([{ field: 's', message: 'must be a two-letter USPS state code' }]);
  });
});

describe('checkZip', () => {
  it.each([
    ['20001', '20001'],
    ['20001-1234', '200011234'],
    ['200011234', '200011234'],
  ])('accepts %s', (raw, value) => {
    expect(checkZip(raw, 'z')).toEqual({ value, errors: [] });
  });

  it.each(['2000', '20001-123', '2000112345', '20001 1234', 'ABCDE'])('rejects %s', (raw) => {
    expect(checkZip(raw, 'z').errors).toEqual([{ field: 'z', message: 'must be a ZIP code of 5 or 9 digits' }]);
  });
});
