// The deterministic synthetic screening data of `npm run bench -- screening` and of the
// index-equals-linear-scan test: invented names of people, companies and organisations, and the
// name variants a person might type for them.
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import anyAscii from 'any-ascii';
import { z } from 'zod';
import { readYamlFile } from '../../src/content/yaml.js';
import { csvCell } from '../../src/screening/read-lines.js';

const partsSchema = z.object({
  syllables: z.array(z.string()),
  givenNames: z.object({ latin: z.array(z.string()), cyrillic: z.array(z.string()) }),
  surnames: z.object({ latin: z.array(z.string()), cyrillic: z.array(z.string()) }),
  companyWords: z.array(z.string()),
  legalForms: z.array(z.string()),
  orgKinds: z.array(z.string()),
  orgFields: z.array(z.string()),
  cities: z.array(z.string()),
});
export type Parts = z.infer<typeof partsSchema>;

/** mulberry32: small, fast and the same on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Synthetic {
  id: string;
  schema: 'Person' | 'Company' | 'Organization';
  name: string;
  aliases: string[];
  country: string;
  cyrillic: boolean;
}

function generator(parts: Parts, random: () => number) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
  const coined = (min: number, max: number): string => {
    const n = min + Math.floor(random() * (max - min + 1));
    let s = '';
    for (let i = 0; i < n; i++) s += pick(parts.syllables);
    return cap(s);
  };
  const cyrSurnameEndings = ['ов', 'ин', 'енко', 'ский', 'ев'];
  const cyrSyllables = ['ко', 'ра', 'ми', 'ло', 'ту', 'ве', 'да', 'ни', 'со', 'бе', 'ри', 'жа', 'ше', 'гу', 'ля'];
  return (i: number): Synthetic => {
    const id = `SYN-${i.toString(36)}`;
    const r = random();
    if (r < 0.45) {
      if (random() < 0.25) {
        const given = pick(parts.givenNames.cyrillic);
        const surname =
          random() < 0.3 ? pick(parts.surnames.cyrillic) : cap(pick(cyrSyllables) + pick(cyrSyllables) + pick(cyrSyllables)) + pick(cyrSurnameEndings);
        const cyr = `${given} ${surname}`;
        return { id, schema: 'Person', name: anyAscii(cyr), aliases: [cyr], country: pick(['ru', 'by']), cyrillic: true };
      }
      const given = pick(parts.givenNames.latin);
      const middle = random() < 0.2 ? ` ${pick(parts.givenNames.latin)}` : '';
      const surname = random() < 0.4 ? pick(parts.surnames.latin) : coined(2, 3);
      return {
        id,
        schema: 'Person',
        name: `${given}${middle} ${surname}`,
        aliases: [],
        country: pick(['ir', 'kp', 'sy', 'cn', 've', 'us', 'ae', 'tr']),
        cyrillic: false,
      };
    }
    if (r < 0.9) {
      const brand = coined(2, 3);
      const words = random() < 0.3 ? `${pick(parts.companyWords)} ${pick(parts.companyWords)}` : pick(parts.companyWords);
      const name = `${brand} ${words} ${pick(parts.legalForms)}`;
      const aliases = random() < 0.2 ? [`${brand} ${pick(parts.legalForms)}`] : [];
      return { id, schema: 'Company', name, aliases, country: pick(['ru', 'cn', 'ir', 'ae', 'hk', 'tr', 'by', 'kp']), cyrillic: false };
    }
    const state = random() < 0.5 ? 'State ' : '';
    const city = random() < 0.5 ? ` ${pick(parts.cities)}` : '';
    const name = `${coined(2, 3)} ${state}${pick(parts.orgKinds)} of ${pick(parts.orgFields)}${city}`;
    return { id, schema: 'Organization', name, aliases: [], country: pick(['ru', 'cn', 'ir', 'kp', 'by', 'sy']), cyrillic: false };
  };
}

/** Written in pieces: four million rows are more than one JavaScript string can hold. */
export function writeDataset(path: string, entities: Synthetic[]): void {
  const header =
    'id,schema,name,aliases,birth_date,countries,addresses,identifiers,sanctions,phones,emails,program_ids,dataset,first_seen,last_seen,last_change';
  const fd = openSync(path, 'w');
  try {
    let chunk: string[] = [header];
    const flush = (): void => {
      writeSync(fd, `${chunk.join('\n')}\n`);
      chunk = [];
    };
    for (const e of entities) {
      chunk.push(
        [
          e.id,
          e.schema,
          csvCell(e.name),
          csvCell(e.aliases.join(';')),
          '',
          e.country,
          '',
          '',
          'Synthetic sanction',
          '',
          '',
          'SYN',
          'Synthetic bench list',
          '2024-01-01T00:00:00',
          '2025-08-30T00:00:00',
          '2025-08-30T00:00:00',
        ].join(','),
      );
      if (chunk.length >= 50_000) flush();
    }
    if (chunk.length > 0) flush();
  } finally {
    closeSync(fd);
  }
}

export const VARIANTS = ['exact', 'case and spacing', 'word order', 'typo', 'legal form or abbreviation', 'transliteration or accents'] as const;
export type Variant = (typeof VARIANTS)[number];

export function typo(word: string, random: () => number): string {
  const i = Math.floor(random() * word.length);
  const letter = 'abcdefghijklmnopqrstuvwxyz'[Math.floor(random() * 26)]!;
  switch (Math.floor(random() * 4)) {
    case 0:
      return word.slice(0, i) + letter + word.slice(i + 1);
    case 1:
      return word.slice(0, i) + word.slice(i + 1);
    case 2:
      return word.slice(0, i) + letter + word.slice(i);
    default:
      return i < word.length - 1 ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2) : word.slice(0, i) + letter;
  }
}

const WORD_ABBREVIATIONS: Record<string, string> = {
  University: 'Univ.',
  Institute: 'Inst.',
  International: 'Intl',
  Technology: 'Tech.',
  Academy: 'Acad.',
  Engineering: 'Eng.',
  Research: 'Res.',
  Center: 'Ctr',
  Laboratory: 'Lab',
};

function makeVariant(e: Synthetic, variant: Variant, legalForms: Set<string>, random: () => number): string {
  const words = e.name.split(' ');
  switch (variant) {
    case 'exact':
      return e.name;
    case 'case and spacing':
      return random() < 0.5 ? e.name.toUpperCase() : `  ${e.name.toLowerCase().replace(/ /g, '  ')} `;
    case 'word order':
      if (e.schema === 'Person') return [...words.slice(1), words[0]!].join(' ');
      return [words[words.length - 1]!, ...words.slice(0, -1)].join(' ');
    case 'typo': {
      const long = words.map((w, i) => [w, i] as const).filter(([w]) => w.length >= 5 && /^[A-Za-z]+$/.test(w));
      const [word, at] = long.length > 0 ? long[Math.floor(random() * long.length)]! : [words[0]!, 0];
      return words.map((w, i) => (i === at ? typo(word, random) : w)).join(' ');
    }
    case 'legal form or abbreviation': {
      const kept = words.filter((w) => !legalForms.has(w));
      const abbreviated = kept.map((w) => WORD_ABBREVIATIONS[w] ?? w);
      return abbreviated.join(' ');
    }
    case 'transliteration or accents':
      if (e.cyrillic) return e.name.replace(/iy\b/g, 'ij').replace(/yy\b/g, 'yj').replace(/kh/g, 'h');
      return e.name.replace(/e/g, 'é').replace(/a/g, 'á');
  }
}

export function readSyntheticParts(): Parts {
  return readYamlFile(join(import.meta.dirname, '..', 'fixtures', 'screening', 'synthetic-name-parts.yaml'), partsSchema);
}

/** `count` entities with distinct names (so that a query has one right answer), drawn from `random`. */
export function uniqueEntities(parts: Parts, count: number, random: () => number): Synthetic[] {
  const next = generator(parts, random);
  const entities: Synthetic[] = [];
  const names = new Set<string>();
  for (let i = 0; entities.length < count; i++) {
    const e = next(i);
    const key = e.name.toLowerCase();
    if (names.has(key)) continue;
    names.add(key);
    entities.push(e);
  }
  return entities;
}

export interface SyntheticQuery {
  target: string;
  variant: Variant;
  text: string;
}

/** `count` queries, the variant kinds in turn, each a variant of a random entity. */
export function drawQueries(parts: Parts, entities: readonly Synthetic[], count: number, random: () => number): SyntheticQuery[] {
  const legalForms = new Set(parts.legalForms);
  return Array.from({ length: count }, (_, i) => {
    const target = entities[Math.floor(random() * entities.length)]!;
    const variant = VARIANTS[i % VARIANTS.length]!;
    return { target: target.id, variant, text: makeVariant(target, variant, legalForms, random) };
  });
}
