// "Are all researchers nationals of an EU, EFTA or NATO country?": a nationality from elsewhere, named in the
// answer, says no; the nationalities alone never say yes, and a "yes, all of them" beside one asks again.
import { describe, expect, it } from 'vitest';
import { matchChoice } from '../../src/engine/answers.js';
import { byNationality } from '../../src/engine/nationalities.js';
import { testEngine } from '../helpers/engine.js';

function read(text: string): string {
  const engine = testEngine();
  const node = engine.content.playbooks.get('defence-funding')?.steps['ask-nationality'];
  if (node?.type !== 'question') throw new Error('defence-funding has no ask-nationality question');
  const countries = engine.ctx.understand.extract(text).countries;
  const m = byNationality(node, countries, engine.content, matchChoice(node, text, engine.content, 'en'));
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

  it('keeps what the words say when every nationality named is allied', () => {
    expect(read('allemaal Belgen en één Nederlander')).toBe('yes');
    expect(read('een Turkse postdoc en twee Belgen')).toBe('again');
    expect(read('an American and a Canadian')).toBe('again');
  });

  it('asks again when "all of them" stands beside a nationality from elsewhere, and keeps "not sure"', () => {
    expect(read('yes, all of them, one is Chinese')).toBe('again');
    expect(read('not sure, the new postdoc may be Brazilian')).toBe('unsure');
  });
});
