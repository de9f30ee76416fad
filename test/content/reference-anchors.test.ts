import { describe, expect, it } from 'vitest';
import { checkCitations, findAnchor } from '../../src/content/anchors.js';

describe('findAnchor', () => {
  const source =
    'The Flemish universities strive for maximum cooperation. Researchers colla-\nborate with the Russian rectors’ con-\n   ference and “partners”.';

  it('ignores whitespace, line breaks and soft hyphenation', () => {
    expect(findAnchor(source, 'strive   for\nmaximum cooperation')).toBe(true);
    expect(findAnchor(source, 'Researchers collaborate')).toBe(true);
  });

  it('treats curly and straight quotes alike', () => {
    expect(findAnchor(source, "Russian rectors' conference")).toBe(true);
    expect(findAnchor(source, '"partners"')).toBe(true);
  });

  it('keeps real hyphens that fall at a line end', () => {
    expect(findAnchor('see the dual-\nuse list', 'dual-use list')).toBe(true);
  });

  it('does not find words that are not there', () => {
    expect(findAnchor(source, 'Researchers cooperate')).toBe(false);
    expect(findAnchor(source, 'maximum collaboration')).toBe(false);
    expect(findAnchor(source, '   ')).toBe(false);
  });
});

describe('checkCitations', () => {
  const input = {
    sources: new Map([['doc', { file: 'sources/doc.txt' }]]),
    sections: new Map([
      ['intro', { source: 'doc', anchor: 'What is research security?' }],
      ['gone', { source: 'doc', anchor: 'A heading that was removed' }],
    ]),
    sourceTexts: new Map([['doc', 'Intro\nWhat is research\nsecurity?\n']]),
  };

  it('reports unknown section ids with the file and path, and anchors missing from the source', () => {
    const problems = checkCitations({
      ...input,
      documents: {
        'faq.yaml': [
          { id: 'a', cites: ['intro'] },
          { id: 'b', cites: ['intro', 'nowhere'] },
        ],
      },
    });
    expect(problems).toEqual([
      'sections.yaml sections.gone.anchor: "A heading that was removed" does not occur in sources/doc.txt',
      'faq.yaml [1].cites: cites unknown section "nowhere"',
    ]);
  });

  it('finds cites nested anywhere in a document', () => {
    const problems = checkCitations({
      ...input,
      sections: new Map([['intro', { source: 'doc', anchor: 'What is research security?' }]]),
      documents: { 'trl.yaml': { levels: [], cites: ['intro'], deeper: { list: [{ cites: ['missing'] }] } } },
    });
    expect(problems).toEqual(['trl.yaml deeper.list[0].cites: cites unknown section "missing"']);
  });
});
