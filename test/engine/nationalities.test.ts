// "Are all researchers nationals of an EU, EFTA or NATO country?": a nationality from elsewhere, named in the
// answer, says no; nationalities that are all allied say yes unless a doubt is voiced, and a "yes, all of them"
// beside one from elsewhere asks again.
import { describe, expect, it } from 'vitest';
import { matchChoice } from '../../src/engine/answers.js';
import { byNationality } from '../../src/engine/nationalities.js';
import { testEngine } from '../helpers/engine.js';

function read(text: string): string {
  const engine = testEngine();
  const node = engine.content.playbooks.get('defence-funding')?.steps['ask-nationality'];
  if (node?.type !== 'question') throw new Error('defence-funding has no ask-nationality question');
  const countries = engine.ctx.understand.extract(text).countries;
  const m = byNationality(node, countries, engine.content, matchChoice(node, text, engine.content, 'en'), text);
  return m.kind === 'answer' ? m.value : m.kind === 'unsure' ? 'unsure' : 'again';
}

describe('team nationality read from the nationalities named', () => {
  it.each([
    ['ikzelf en de postdoc zijn Belg, de doctorandus heeft de Chinese nationaliteit', 'no'],
    ['two Belgians and one PhD student with Indian nationality', 'no'],
    ['mixed: Belgian, Italian, Indian, and now Israeli', 'no'],
    ['een Iraanse postdoc en twee Belgen', 'no'],
    ['no, one of them is Russian', 'no'],
  ])('"%s" → %s', (text, value) => {
    expect(read(text)).toBe(value);
  });

  it('reads a team whose nationalities are all allied as yes (Turkey and Canada are in NATO)', () => {
    expect(read('allemaal Belgen en één Nederlander')).toBe('yes');
    expect(read('een Turkse postdoc en twee Belgen')).toBe('yes');
    expect(read('an American and a Canadian')).toBe('yes');
  });

  it('keeps a doubt beside allied nationalities', () => {
    expect(read('an American and a Canadian, not sure about the new hire')).toBe('unsure');
  });

  it('asks again when "all of them" stands beside a nationality from elsewhere, and keeps "not sure"', () => {
    expect(read('yes, all of them, one is Chinese')).toBe('again');
    expect(read('not sure, the new postdoc may be Brazilian')).toBe('unsure');
  });
});
