// The curated list of Chinese military research institutions (content/lists/chinese-military.yaml)
// and its name rule: names that say they belong to China's armed forces (G:585-586).
import { join } from 'node:path';
import { z } from 'zod';
import { readYamlFile } from '../content/yaml.js';
import { DEFAULT_LISTS_DIR } from './normalisation-table.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'write the date as YYYY-MM-DD (quoted)');
const provenance = z.object({ name: z.string().min(1), url: z.url().optional(), date: isoDate }).strict();
const names = z.array(z.string().min(1)).default([]);

const militaryEntrySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    name: z.string().min(1),
    formerNames: names,
    abbreviations: names,
    chinese: names,
    aliases: names,
    city: z.string().min(1),
    source: provenance,
  })
  .strict();

export const nameRuleSchema = z
  .object({
    forces: z.array(z.string().min(1)).min(1),
    branches: z.array(z.string().min(1)).min(1),
    institutions: z.array(z.string().min(1)).min(1),
    china: z.array(z.string().min(1)).min(1),
  })
  .strict();
export type NameRule = z.infer<typeof nameRuleSchema>;

export const militaryListSchema = z
  .object({ source: provenance, nameRule: nameRuleSchema, entries: z.array(militaryEntrySchema).min(1) })
  .strict()
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.entries.forEach((e, i) => {
      if (seen.has(e.id)) ctx.addIssue({ code: 'custom', path: ['entries', i, 'id'], message: `"${e.id}" is used twice` });
      seen.add(e.id);
    });
  });
export type MilitaryList = z.infer<typeof militaryListSchema>;

export const CHINESE_MILITARY_LIST = 'chinese-military';
const DEFAULT_CHINESE_MILITARY_FILE = join(DEFAULT_LISTS_DIR, 'chinese-military.yaml');

export function readChineseMilitary(file: string = DEFAULT_CHINESE_MILITARY_FILE): MilitaryList {
  return readYamlFile(file, militaryListSchema);
}

export interface RuleFinding {
  /** True when the name says it is Chinese (or the country is China); false: a possible hit only. */
  match: boolean;
  /** The words that made it: the force or branch, and the institution word. */
  words: string[];
}

const HAN = /\p{Script=Han}/u;

/** Lower-case Latin words separated by single spaces, with a space at both ends. */
function latinWords(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`´ʼ]/g, "'")
    .replace(/[^a-z0-9'\p{Script=Han}]+/gu, ' ')
    .trim();
  return ` ${words} `;
}

/** Compiles the rule once: each word or phrase, Latin as whole words, Chinese as characters. */
export function compileNameRule(rule: NameRule): (name: string, country: string | undefined) => RuleFinding | undefined {
  const prepare = (phrases: string[]) => phrases.map((p) => ({ text: p, han: HAN.test(p), latin: latinWords(p) }));
  const forces = prepare(rule.forces);
  const branches = prepare(rule.branches);
  const institutions = prepare(rule.institutions);
  const china = prepare(rule.china);
  return (name, country) => {
    const cn = country?.toLowerCase();
    if (cn !== undefined && cn !== 'cn') return undefined;
    const latin = latinWords(name);
    const found = (phrases: ReturnType<typeof prepare>) => phrases.find((p) => (p.han ? name.includes(p.text) : latin.includes(p.latin)))?.text;
    const institution = found(institutions);
    if (!institution) return undefined;
    const force = found(forces);
    if (force) return { match: true, words: [force, institution] };
    const branch = found(branches);
    if (!branch) return undefined;
    const chinese = cn === 'cn' || HAN.test(name) || found(china) !== undefined;
    return { match: chinese, words: [branch, institution] };
  };
}
