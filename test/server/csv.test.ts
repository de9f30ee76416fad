// CSV through a real parser: a ';'-separated file from a Belgian or Dutch Excel is read as columns,
// quoted fields keep their delimiters and line breaks, the output has a BOM and no cell runs as a formula.
import { describe, expect, it } from 'vitest';
import { detectDelimiter, neutraliseCell, parseCsv, stringifyCsv } from '../../src/text/csv.js';

describe('reading CSV', () => {
  it("reads a ';'-separated file (Excel's default in nl-BE) as columns", () => {
    const text = '\ufeffname;country\r\n"Beihang University";CN\r\n"Acme; Robotics Ltd";GB\r\n';
    const { delimiter, records } = parseCsv(text);
    expect(delimiter).toBe(';');
    expect(records).toEqual([
      ['name', 'country'],
      ['Beihang University', 'CN'],
      ['Acme; Robotics Ltd', 'GB'],
    ]);
  });

  it('reads commas, tabs, doubled quotes and line breaks inside quotes', () => {
    expect(parseCsv('name,country\n"Harbin ""HIT"", Institute",CN\n').records[1]).toEqual(['Harbin "HIT", Institute', 'CN']);
    expect(parseCsv('name\tcountry\nNUDT\tCN\n').records[1]).toEqual(['NUDT', 'CN']);
    expect(parseCsv('name,note\n"A","two\nlines"\n').records[1]).toEqual(['A', 'two\nlines']);
    expect(detectDelimiter('"a;b",c\n')).toBe(',');
  });
});

describe('writing CSV', () => {
  it('starts with a BOM and neutralises cells that start a formula', () => {
    const out = stringifyCsv([
      ['name', 'score'],
      ['=HYPERLINK("http://evil.example","x")', '0.9'],
      ['+31 20 123', '-1'],
      ['@SUM(A1)', 'Tsinghua, Beijing'],
    ]);
    expect(out.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(out).records;
    expect(rows[1]?.[0]).toBe('\'=HYPERLINK("http://evil.example","x")');
    expect(rows[2]).toEqual(["'+31 20 123", "'-1"]);
    expect(rows[3]).toEqual(["'@SUM(A1)", 'Tsinghua, Beijing']);
    expect(neutraliseCell('Beihang')).toBe('Beihang');
  });
});
