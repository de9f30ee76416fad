// Partner files as spreadsheets write them, read with csv-parse and written with csv-stringify.
import { describe, expect, it } from 'vitest';
import { detectDelimiter, neutraliseFormula, parseCsv, writeCsv } from '../../src/screening/csv.js';
import { readPartners } from '../../src/screening/batch.js';

describe('partner CSV files', () => {
  it('tells the separator from the first record, ignoring separators inside quotes', () => {
    expect(detectDelimiter('name;country\r\nA;B')).toBe(';');
    expect(detectDelimiter('"Optics; Trading",country,x\nA,B,C')).toBe(',');
    expect(detectDelimiter('\uFEFFname\tcountry\n')).toBe('\t');
    expect(detectDelimiter('Harbin Institute of Technology\n')).toBe(',');
  });

  it('reads a BOM, quoted separators and quotes, and a name over two lines', () => {
    const { records } = parseCsv('\uFEFFname;country\r\n"Optics; ""North"" Ltd";IR\r\n"Rostok\r\nAvia";RU\r\n');
    expect(records).toEqual([
      ['name', 'country'],
      ['Optics; "North" Ltd', 'IR'],
      ['Rostok\r\nAvia', 'RU'],
    ]);
    expect(readPartners('\uFEFFpartner;Country\r\n"Rostok\r\nAvia";ru\r\n').partners).toEqual([{ row: 2, name: 'Rostok Avia', country: 'RU' }]);
    // Excel's plain "CSV (;)" is Windows-1252: read as such when the bytes are not UTF-8.
    const cp1252 = Buffer.from('Univ. Li\u00e8ge;BE\r\n', 'latin1');
    expect(readPartners(cp1252).partners).toEqual([{ row: 1, name: 'Univ. Li\u00e8ge' }]);
    // Without a header, the first column holds the names.
    expect(readPartners('NUAA\nBeihang University\n').partners.map((p) => p.name)).toEqual(['NUAA', 'Beihang University']);
  });

  it('writes a BOM and neutralises every cell a spreadsheet would run as a formula', () => {
    for (const cell of ['=1+1', '+32 11 26 81 11', '-2+3', '@SUM(A1)', '\tx']) expect(neutraliseFormula(cell)).toBe(`'${cell}`);
    expect(neutraliseFormula('Harbin')).toBe('Harbin');
    const out = writeCsv(
      [
        ['partner', 'why'],
        ['=HYPERLINK("http://x";"y")', 'a; b'],
      ],
      ';',
    );
    expect(out).toBe('\uFEFFpartner;why\r\n"\'=HYPERLINK(""http://x"";""y"")";"a; b"\r\n');
    expect(parseCsv(out).records[1]).toEqual(['\'=HYPERLINK("http://x";"y")', 'a; b']);
  });
});
