// The eval report's "per style" rows: styles are free text, so only their comma-separated tags
// count, and a tag seen once or twice is left out (it says nothing about a style).
import { describe, expect, it } from 'vitest';
import { createUnderstander } from '../../src/understand/index.js';
import { evaluateSet, formatReport, styleTags } from '../../src/understand/evaluate.js';

describe('per-style report', () => {
  it('splits a style on commas only, trims, and keeps a bracketed list in its tag', () => {
    expect(styleTags('terse, lowercase, PhD student STEM')).toEqual(['terse', 'lowercase', 'PhD student STEM']);
    expect(styleTags("Flemish ('ge', 'da'), short")).toEqual(["Flemish ('ge', 'da')", 'short']);
    expect(styleTags(undefined)).toEqual([]);
    expect(styleTags(' , terse,terse ')).toEqual(['terse']);
  });

  it('reports only the tags seen at least three times', () => {
    const items = [
      { q: 'what is the weather tomorrow', playbooks: [], style: 'terse, off-topic' },
      { q: 'my laptop will not connect to the wifi', playbooks: [], style: 'terse, IT helpdesk' },
      { q: 'is the library open on Sunday', playbooks: [], style: 'terse, one of a kind' },
      { q: 'how do I reset my password', playbooks: [], style: 'off-topic, IT helpdesk' },
    ];
    const text = formatReport(evaluateSet(createUnderstander(), 'styles', items));
    const styleRows = text.slice(text.indexOf('per style'), text.indexOf('off-topic: precision'));
    expect(styleRows).toMatch(/^\s+terse\s+3\/3/m);
    expect(styleRows).not.toMatch(/IT helpdesk|one of a kind|^\s+off-topic\s/m);
  });
});
