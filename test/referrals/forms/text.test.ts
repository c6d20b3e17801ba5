import { checkOptionalText, checkText } from '../../../src/platform/validation/text';

describe('checkText', () => {
  it('trims and turns CRLF into LF, keeping tabs and line feeds', () => {
    expect(checkText('  line one\r\n\tline two  ', 't', 100)).toEqual({ value: 'line one\n\tline two', errors: [] });
  });

  it.each(['', '   ', '\n\t '])('reports blank text %j as required', (raw) => {
    expect(checkText(raw, 't', 100).errors).toEqual([{ field: 't', message: 'is required' }]);
  });

  it.each(['a\u0000b', 'a\u0007b', 'a\rb', 'a\u001bb', 'a\u007fb', 'a\u0085b'])('rejects the control character in %j', (raw) => {
    expect(checkText(raw, 't', 100).errors).toEqual([
      { field: 't', message: 'cannot contain control characters other than line feed and tab' },
    ]);
  });

  it('counts characters, not UTF-16 units, against the maximum', () => {
    expect(checkText('é'.repeat(10), 't', 10).errors).toEqual([]);
    expect(checkText('😀'.repeat(10), 't', 10).errors).toEqual([]);
    expect(checkText('a'.repeat(11), 't', 10).errors).toEqual([{ field: 't', message: 'must be at most 10 characters' }]);
  });
});

describe('checkOptionalText', () => {
  it.each([null, undefined, '', '  '])('turns %j into null', (raw) => {
    expect(checkOptionalText(raw, 't', 10)).toEqual({ value: null, errors: [] });
  });

  it('checks present text like required text', () => {
    expect(checkOptionalText(' ok ', 't', 10)).toEqual({ value: 'ok', errors: [] });
    expect(checkOptionalText('a'.repeat(11), 't', 10).errors).toHaveLength(1);
  });
});
