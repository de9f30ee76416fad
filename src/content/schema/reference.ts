// Schemas for the reference content in content/*.yaml (countries, restrictions, lists, measures, ...).
// Each schema's output type is proven equal to its interface in ../types.ts at the bottom of this file.
import { z } from 'zod';
import { DOMAIN_IDS } from '../../domain/ids.js';
import type {
  ContactPoint,
  Definition,
  Duty,
  FaqEntry,
  FunderPolicy,
  Link,
  Measure,
  Provenance,
  Restriction,
  RiskCountry,
  SevenSon,
  TechArea,
  TrlScale,
} from '../types.js';
import { localList, localText } from './local.js';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case words joined by hyphens, e.g. clean-devices');
const countryCode = z.string().regex(/^[A-Z]{2}$/, 'use an ISO 3166-1 alpha-2 code in capitals, e.g. CN');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'write the date as YYYY-MM-DD (quoted)');
const url = z.url({ protocol: /^https?$/, error: 'use a full http(s) address' });
const cites = z.array(id).min(1, 'cite at least one section id from content/sections.yaml');

/** Entity lists a restriction may point at; each is a file in content/lists/. */
const ENTITY_LISTS = ['seven-sons', 'chinese-military'] as const;

/** An array whose items carry an `id` that must be unique in the file; the issue points at the duplicate. */
function uniqueById<T extends z.ZodType<{ id: string }>>(item: T) {
  return z.array(item).superRefine((items, ctx) => {
    const seen = new Map<string, number>();
    items.forEach((entry, index) => {
      const first = seen.get(entry.id);
      if (first === undefined) seen.set(entry.id, index);
      else ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `"${entry.id}" is used twice (also at [${first}])` });
    });
  });
}

/** A string from a fixed set, typed as plain string because the contract keeps these fields open. */
function oneOf(values: readonly string[]) {
  return z.string().refine((v) => values.includes(v), { message: `use one of: ${values.join(', ')}` });
}

const provenanceSchema = z.object({ name: z.string().min(1), url: url.optional(), date: isoDate }).strict();

const riskCountrySchema = z
  .object({
    code: countryCode,
    name: localText,
    reasons: localText,
    /** True only where the guideline itself calls the state authoritarian (the list rests on sanctions and export measures, G:548). */
    authoritarian: z.boolean().default(false),
    /** True for the countries the guideline names as under an arms embargo and export measures (G:32-34): a partner there needs a sanctions check. */
    embargo: z.boolean().default(false),
    cites,
  })
  .strict();
export const riskCountriesFileSchema = z.array(riskCountrySchema).superRefine((items, ctx) => {
  const seen = new Set<string>();
  items.forEach((c, index) => {
    if (seen.has(c.code)) ctx.addIssue({ code: 'custom', path: [index, 'code'], message: `"${c.code}" is listed twice` });
    seen.add(c.code);
  });
});

const RESTRICTION_BY = ['vlir', 'belgian-rectors', 'flemish-universities', 'fwo', 'european-commission'] as const;
const PARTNER_KINDS = ['university', 'company', 'government', 'research-institute', 'military', 'any'] as const;

/** A fact that decides whether a restriction bites: it bites only when the fact has one of `values`. */
const restrictionConditionSchema = z
  .object({
    fact: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'a fact name in camelCase, e.g. institutional'),
    values: z.array(z.string().min(1)).min(1),
    /** Other facts that say the same for part of the work ("the visitor's stay is paid by CSC, the project he joins by
     * FWO"): the condition holds when `fact` or any of these has one of the values. */
    orFacts: z.array(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/)).optional(),
    /** When no question in the conversation set the fact: it is a point to check, or the restriction does not apply. */
    ifUnknown: z.enum(['check', 'no']).default('check'),
    /** What to check, said to the researcher: "whether your institution signs an agreement with the partner". */
    what: localText,
  })
  .strict();

const restrictionSchema = z
  .object({
    id,
    by: z.enum(RESTRICTION_BY),
    countries: z.array(countryCode).default([]),
    lists: z.array(oneOf(ENTITY_LISTS)).default([]),
    entities: z.array(z.string().min(1)).optional(),
    partnerKinds: z.array(oneOf(PARTNER_KINDS)).min(1, 'say which partner kinds it applies to (or "any")'),
    /** The facts that decide whether it bites; all must hold. */
    conditions: z.array(restrictionConditionSchema).default([]),
    /** True when the rule can only ever be a point to check (it covers some calls, not all). */
    onlyCheck: z.boolean().default(false),
    /** The rule's name for the researcher, in their language. */
    name: localText,
    text: localText,
    flag: id,
    cites,
    source: provenanceSchema,
  })
  .strict();
export const restrictionsFileSchema = uniqueById(restrictionSchema);

const sevenSonSchema = z
  .object({
    id,
    name: z.string().min(1),
    formerNames: z.array(z.string().min(1)).default([]),
    abbreviations: z.array(z.string().min(1)).default([]),
    chinese: z.array(z.string().min(1)).default([]),
    aliases: z.array(z.string().min(1)).default([]),
    city: z.string().min(1),
    url: url.optional(),
  })
  .strict();
export const sevenSonsFileSchema = z.object({ source: provenanceSchema, entries: uniqueById(sevenSonSchema) }).strict();

const subTechSchema = z.object({ id, name: localText }).strict();
const techAreaSchema = z
  .object({
    id: z.enum(DOMAIN_IDS),
    name: localText,
    subs: uniqueById(subTechSchema).refine((subs) => subs.length > 0, "list the area's sub-technologies"),
    cites,
  })
  .strict();
export const techAreasFileSchema = uniqueById(techAreaSchema).superRefine((areas, ctx) => {
  const present = new Set(areas.map((a) => a.id));
  const missing = DOMAIN_IDS.filter((d) => !present.has(d));
  if (missing.length > 0) ctx.addIssue({ code: 'custom', path: [], message: `missing technology areas: ${missing.join(', ')}` });
});

const measureSchema = z.object({ id, category: id, title: localText, text: localText, cites }).strict();
export const measuresFileSchema = uniqueById(measureSchema);

const dutySchema = z.object({ id, title: localText, text: localText, report: z.boolean().default(false), cites }).strict();
export const dutiesFileSchema = uniqueById(dutySchema);

const contactPointSchema = z
  .object({
    id,
    name: z.string().min(1),
    short: z.string().min(1),
    kind: z.enum(['university', 'research-institute']),
    emails: z
      .object({
        main: z.email(),
        exportControl: z.email().optional(),
        humanRights: z.email().optional(),
        dualUse: z.email().optional(),
        ethics: z.email().optional(),
      })
      .strict(),
    phone: z
      .string()
      .regex(/^\+\d[\d ]{6,}$/, 'write the phone number internationally, e.g. +32 3 265 90 63')
      .optional(),
    committees: z.array(localText).default([]),
    urls: z.array(url).default([]),
    aliases: z.array(z.string().min(1)).min(1, 'list the names people type for the institution'),
  })
  .strict();
export const contactPointsFileSchema = uniqueById(contactPointSchema);

const faqEntrySchema = z
  .object({
    id,
    question: localText,
    answer: localText,
    keywords: localList.refine((k) => k.en.length > 0 && k.nl.length > 0, 'give keywords in both en and nl'),
    cites,
  })
  .strict();
export const faqFileSchema = uniqueById(faqEntrySchema);

const definitionSchema = z.object({ id, term: localText, text: localText, cites }).strict();
export const definitionsFileSchema = uniqueById(definitionSchema);

export const trlSchema = z
  .object({
    levels: z.array(z.object({ level: z.number().int().min(1).max(9), text: localText }).strict()),
    fundamentalMax: z.number().int().min(1).max(9),
    text: localText,
    cites,
  })
  .strict()
  .superRefine((trl, ctx) => {
    const levels = trl.levels.map((l) => l.level);
    for (let level = 1; level <= 9; level++) {
      const count = levels.filter((l) => l === level).length;
      if (count !== 1) ctx.addIssue({ code: 'custom', path: ['levels'], message: `level ${level} appears ${count} times; give each level 1-9 once` });
    }
  });

const funderPolicySchema = z.object({ id, name: z.string().min(1), text: localText, cites }).strict();
export const funderPoliciesFileSchema = uniqueById(funderPolicySchema);

const linkSchema = z
  .object({
    id,
    title: localText,
    url,
    group: z.enum(['flemish', 'european', 'foreign', 'academic', 'screening']),
  })
  .strict();
export const linksFileSchema = uniqueById(linkSchema);

// ---- compile-time proof that the schemas produce exactly the contract types ----

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;

/** Never imported: tsc checking this tuple is its whole use. @public */
export type SchemaMatchesTypes = [
  Assert<Equals<z.output<typeof provenanceSchema>, Provenance>>,
  Assert<Equals<z.output<typeof riskCountrySchema>, RiskCountry>>,
  Assert<Equals<z.output<typeof restrictionSchema>, Restriction>>,
  Assert<Equals<z.output<typeof sevenSonSchema>, SevenSon>>,
  Assert<Equals<z.output<typeof techAreaSchema>, TechArea>>,
  Assert<Equals<z.output<typeof measureSchema>, Measure>>,
  Assert<Equals<z.output<typeof dutySchema>, Duty>>,
  Assert<Equals<z.output<typeof contactPointSchema>, ContactPoint>>,
  Assert<Equals<z.output<typeof faqEntrySchema>, FaqEntry>>,
  Assert<Equals<z.output<typeof definitionSchema>, Definition>>,
  Assert<Equals<z.output<typeof trlSchema>, TrlScale>>,
  Assert<Equals<z.output<typeof funderPolicySchema>, FunderPolicy>>,
  Assert<Equals<z.output<typeof linkSchema>, Link>>,
];
