// A city, region or science hub names the country of the partner or the research (G:99), in
// English and Dutch spellings; ordinary words, treaties and methods named after a place do not.
import { describe, expect, it } from 'vitest';
import { checkCountryNames } from '../../src/understand/check-countries.js';
import { createUnderstander } from '../../src/understand/index.js';
import { loadUnderstandContent } from '../../src/understand/load.js';

const u = createUnderstander();

describe('places name their country', () => {
  it.each([
    ["Fieldwork in the camps near Cox's Bazar next spring", 'BD'],
    ['A lab in Novosibirsk wants to share samples with us', 'RU'],
    ['We were invited to Akademgorodok for a summer school', 'RU'],
    ['A company from Zelenograd offered to buy our chip design', 'RU'],
    ['A company in Shenzhen wants to fund two PhDs', 'CN'],
    ['A university in Isfahan asked for a joint project', 'IR'],
    ['A startup in Bangalore wants a licence on our software', 'IN'],
    ['The LLC is registered in Delaware', 'US'],
    ['Een bedrijf uit Hefei wil onze sensoren kopen', 'CN'],
    ['Een onderzoeker uit Kyjiv komt een jaar naar Gent', 'UA'],
    ['Mijn promotor wil samenwerken met een lab in Teheran', 'IR'],
    ['Een gastprofessor uit Moskou vraagt toegang tot onze cleanroom', 'RU'],
    ['Veldwerk in Sittwe en Mandalay, kan dat?', 'MM'],
    ['Een spin-off in Veldhoven vraagt onze data', 'NL'],
    ['An offer from a group in Daejeon', 'KR'],
    ['A postdoc from Hsinchu joins us', 'TW'],
  ])('%s → %s', (text, code) => {
    expect(u.extract(text).countries).toContain(code);
  });

  it('keeps the longer place when a shorter one is another country', () => {
    expect(u.extract('a partner in New South Wales').countries).toEqual(['AU']);
    expect(u.extract('a company in New Jersey').countries).toEqual(['US']);
    expect(u.extract('a group in British Columbia').countries).toEqual(['CA']);
    expect(u.extract('interviews in Santiago de Compostela').countries).toEqual(['ES']);
  });
});

describe('ordinary words, treaties and methods are no country', () => {
  it.each([
    'Kan dit leiden tot problemen met de exportcontrole?',
    'Het kanton van de vrederechter vraagt een document',
    'Wie betaalt de porto van het pakket met stalen?',
    'We testen een kano met sensoren op de Schelde',
    'We bergen de ruwe data op een server van de universiteit',
    'De koper van onze spin-off wil de broncode',
    'a cork stopper with a built-in sensor',
    'Silicon is a mecca for materials scientists',
    'We run Monte Carlo simulations on the cluster',
    'Does the Nagoya Protocol apply to our samples?',
    'The study follows the Declaration of Helsinki',
    'Our place in the Shanghai ranking went up',
    'Valt dit onder het akkoord van Parijs?',
  ])('%s', (text) => {
    expect(u.extract(text).countries).toEqual([]);
  });

  it('reads Hamas as Palestine, not as the Syrian city Hama', () => {
    expect(u.extract('Hamas-linked donors want to fund our lab').countries).toEqual(['PS']);
  });

  it('reads a restaurant said as a demonym after "goeie"/"lekkere" as no country, a person after it still as one', () => {
    expect(u.extract('kent iemand een goeie Turk voor een etentje?').countries).toEqual([]);
    expect(u.extract('een goeie Russische kandidaat voor de vacature').countries).toEqual(['RU']);
  });

  it('reads "instelling" as an institution, not a language setting', () => {
    expect(u.extract('een Iraanse instelling wil samenwerken').countries).toEqual(['IR']);
    expect(u.extract('een Chinese overheidsinstelling vraagt een studie').countries).toEqual(['CN']);
  });

  it('names the country of European defence companies said without one', () => {
    expect(u.extract('een consortium met Rheinmetall en Saab').countries.sort()).toEqual(['DE', 'SE']);
    expect(u.extract('we send samples to Hospital Israelita Albert Einstein').countries).toEqual(['BR']);
  });

  it('still reads the city when it is typed with its capital', () => {
    expect(u.extract('Een postdoc uit Leiden').countries).toEqual(['NL']);
    expect(u.extract('a partner in Porto').countries).toEqual(['PT']);
  });
});

describe('content check of country names', () => {
  const content = loadUnderstandContent();

  it('finds no name of two countries in the content', () => {
    expect(checkCountryNames(content)).toEqual([]);
  });

  it('reports a place given to two countries, and a place that is a small word', () => {
    const countries = content.countries.countries.map((c) => (c.code === 'PT' ? { ...c, places: [...c.places, 'Tbilisi', 'van'] } : c));
    const problems = checkCountryNames({ ...content, countries: { countries } });
    expect(problems.some((p) => p.includes('"Tbilisi" (PT)') && p.includes('(GE)'))).toBe(true);
    expect(problems.some((p) => p.includes('place "van" (PT)'))).toBe(true);
  });
});
