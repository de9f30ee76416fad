// zod schemas for content/understand/*.yaml (and the Seven Sons list the router shares with screening).
import { z } from 'zod';
import { DOMAIN_IDS } from '../domain/ids.js';
import { playbookIdSchema } from '../domain/schemas.js';

const oneOrMany = z.union([z.string().min(1), z.array(z.string().min(1))]).transform((v) => (typeof v === 'string' ? [v] : v));
const list = z.array(z.string().min(1));
const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case words joined by hyphens');
const code = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code in capitals');

const PARTNER_KINDS = ['university', 'company', 'government', 'research-institute', 'hospital', 'military', 'individual'] as const;
const INSTITUTION_KINDS = ['university', 'academy', 'company', 'defence', 'government', 'hospital', 'research-institute', 'funder'] as const;

export const countriesFileSchema = z
  .object({
    countries: z.array(
      z
        .object({
          code,
          en: oneOrMany,
          nl: oneOrMany,
          demEn: list.default([]),
          adjNl: oneOrMany.default([]),
          demNl: list.default([]),
          aliases: list.default([]),
          places: list.default([]),
          /** Peoples (Uyghur, Tibetan): the country only counts when no other foreign country is named. */
          groups: list.default([]),
        })
        .strict(),
    ),
  })
  .strict();

export const institutionsFileSchema = z
  .object({
    institutions: z.array(
      z
        .object({
          id,
          name: z.string().min(1),
          country: code.optional(),
          kind: z.enum(INSTITUTION_KINDS),
          contactPoint: id.optional(),
          partnerKind: z.enum(PARTNER_KINDS).optional(),
          aliases: list,
          signals: list.default([]),
          /** A group of institutions (the Seven Sons): naming it signals a risk but names no partner. */
          group: z.boolean().default(false),
        })
        .strict(),
    ),
  })
  .strict();

/** content/lists/seven-sons.yaml, read for the names only (screening owns the file). */
export const sevenSonsFileSchema = z.object({
  entries: z.array(
    z.object({
      id,
      name: z.string().min(1),
      formerNames: list.default([]),
      abbreviations: list.default([]),
      chinese: list.default([]),
      aliases: list.default([]),
    }),
  ),
});

/** content/faq.yaml, read for its keywords only (the FAQ content is owned elsewhere). */
export const faqKeywordsFileSchema = z.array(
  z.object({
    id: z.string().min(1),
    keywords: z.object({ en: list.default([]), nl: list.default([]) }),
  }),
);

export const fundersFileSchema = z
  .object({
    funders: z.array(
      z
        .object({
          id,
          name: z.string().min(1),
          country: code.optional(),
          aliases: list,
          signals: list.default([]),
        })
        .strict(),
    ),
    /** A government's defence body named by its country where the message speaks of money (G:635-637). */
    defenceBodies: z
      .object({
        /** The bodies: "ministry of defence", "armed forces", "het leger". */
        bodies: list,
        /** Words between a body and the country after it: "of", "van". */
        links: list,
        /** An article that may sit after the link: "the armed forces of the UAE". */
        articles: list.default([]),
        /** Words that speak of money; a body is a funder only in a message with one that is not denied. */
        funding: list,
        /** Said just before the body's country, the body is what the research is about: "a history of". */
        subject: list.default([]),
      })
      .strict()
      .optional(),
  })
  .strict();

export const domainsFileSchema = z
  .object({
    domains: z.record(z.enum(DOMAIN_IDS), list),
    /** Words for the stuff of an area ("materials") that count as that area when another
     * technology is named just after them: "materialen voor kernfusiereactoren" is materials too. */
    madeFor: z.partialRecord(z.enum(DOMAIN_IDS), list).default({}),
  })
  .strict();

export const signalsFileSchema = z
  .object({
    signals: z.record(id, list),
    exclude: z.record(id, list).default({}),
    internal: z.array(id).default([]),
  })
  .strict();

export const intentsFileSchema = z
  .object({
    riskCountries: z.array(code),
    homeCountry: code,
    /** Guideline concepts in everyday words, on top of the keywords of content/faq.yaml: one feature. */
    faqTopics: z
      .object({
        /** The knowledge playbook these topics belong to (content/playbooks.yaml `knowledge`). */
        playbook: playbookIdSchema.optional(),
        terms: list.default([]),
      })
      .strict()
      .optional(),
    /** Keyed by playbook id (`advisor content check` checks each names a playbook in dialogs/): groups of
     * words; each group that matches is one feature of the learned model. */
    intents: z.record(playbookIdSchema, z.object({ cues: z.array(z.object({ terms: list }).strict()).default([]) }).strict()),
  })
  .strict();

export const contextFileSchema = z
  .object({
    partnerKinds: z.record(z.enum(PARTNER_KINDS), list),
    partnerKindOrder: z.array(z.enum(PARTNER_KINDS)),
    home: z.object({ before: list, skip: list }).strict(),
    clarify: list,
    clarifyDefaults: z.array(playbookIdSchema).min(2),
    negation: z
      .object({
        window: z.number().int().min(1).max(12),
        not: list,
        unsure: list,
        // Someone else's claim or the user's own question about it ("a colleague said", "klopt het dat"): the signal
        // after it is left open, for the question that asks it.
        reported: list.default([]),
        // A yes/no question about the signal itself ("is dat dual use?"): a sentence that opens with one of `starts`
        // and ends in a question mark at most `trailing` words after the signal leaves it open.
        questions: z
          .object({ starts: list, trailing: z.number().int().min(0).max(6) })
          .strict()
          .default({ starts: [], trailing: 2 }),
        keep: list.default([]),
        // Phrases that deny what was said up to `window` words before them ("… and it is not on it").
        after: z
          .object({ window: z.number().int().min(1).max(12), phrases: list })
          .strict()
          .default({ window: 8, phrases: [] }),
        // Words that deny the thing named right after them ("no sensors", "geen AI", "zonder drones"): a technology
        // named so is not the question's. Only these, and only within `window` words: "we don't want to share our AI
        // code" still names AI.
        nouns: z
          .object({ window: z.number().int().min(0).max(4), words: list })
          .strict()
          .default({ window: 2, words: [] }),
      })
      .strict(),
    attribution: z
      .object({
        before: z.number().int().min(0).max(6),
        after: z.number().int().min(0).max(12),
        owners: list,
        coAuthors: list,
        venue: list.default([]),
        passing: list.default([]),
        residence: list.default([]),
      })
      .strict(),
    kindFromName: z.partialRecord(z.enum(PARTNER_KINDS), list),
    contextNouns: list,
    /** A partner said to be European without its name ("a European university"): co-authors beside it are not the partner. */
    europeanPartner: list.default([]),
    /** Said just before a demonym, these make it the researcher's own nationality ("I'm Italian myself"): incidental
     * when another country is named, like a venue. */
    ownNationality: list.default([]),
  })
  .strict();

export const languageFileSchema = z
  .object({
    en: list,
    nl: list,
    cased: list,
    ignore: list,
    noFuzzy: list,
    /** Demonyms that are also ordinary words or names: a country only before a person or organisation noun. */
    needContext: list.default([]),
    /** A demonym used as a language is no country: just before a language noun ("Engelse vertaling",
     * "Russian-speaking"), after a language verb ("ik geef Spaans", "she speaks Chinese") unless a
     * person or organisation noun follows, or after `in` at the end of its clause ("everything in Russian."). */
    spoken: z
      .object({ after: list.default([]), verbs: list.default([]), atClauseEnd: list.default([]) })
      .strict()
      .default({ after: [], verbs: [], atClauseEnd: [] }),
  })
  .strict();

export const routerFileSchema = z
  .object({
    startAbove: z.number().min(0).max(1),
    offTopicAbove: z.number().min(0).max(1),
    alternativeAbove: z.number().min(0).max(1),
    /** A message of at most this many words with nothing concrete in it asks instead of starting. */
    vagueBelowWords: z.number().int().min(0),
    folds: z.number().int().min(2).max(20),
    training: z
      .object({
        epochs: z.number().int().min(1).max(500),
        learningRate: z.number().positive(),
        l2: z.number().min(0),
        seed: z.number().int(),
        /** More training orders whose weights are averaged with the first: an added example then moves
         * only what it is about, not the borderline messages a new shuffle happens to tip. */
        moreSeeds: z.array(z.number().int()).max(8).optional(),
        averageFrom: z.number().min(0).max(1).optional(),
      })
      .strict(),
  })
  .strict();

export type CountriesFile = z.infer<typeof countriesFileSchema>;
export type InstitutionsFile = z.infer<typeof institutionsFileSchema>;
export type SevenSonsFile = z.infer<typeof sevenSonsFileSchema>;
export type FaqKeywordsFile = z.infer<typeof faqKeywordsFileSchema>;
export type FundersFile = z.infer<typeof fundersFileSchema>;
export type DomainsFile = z.infer<typeof domainsFileSchema>;
export type SignalsFile = z.infer<typeof signalsFileSchema>;
export type IntentsFile = z.infer<typeof intentsFileSchema>;
export type ContextFile = z.infer<typeof contextFileSchema>;
export type LanguageFile = z.infer<typeof languageFileSchema>;
export type RouterFile = z.infer<typeof routerFileSchema>;

export interface UnderstandContent {
  countries: CountriesFile;
  institutions: InstitutionsFile;
  sevenSons: SevenSonsFile;
  /** content/lists/chinese-military.yaml, read for its names: the PLA's own universities and academies. */
  chineseMilitary: SevenSonsFile;
  funders: FundersFile;
  faq: FaqKeywordsFile;
  domains: DomainsFile;
  signals: SignalsFile;
  intents: IntentsFile;
  context: ContextFile;
  language: LanguageFile;
  router: RouterFile;
  /** The folder of the example utterances (examples/*.yaml). */
  examplesDir: string;
}
