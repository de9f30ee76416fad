// Schemas for the engine's own content files: sections, flags, ui texts and the lexicon.
import { z } from 'zod';
import { DIMENSIONS, SEVERITIES } from '../../domain/ids.js';
import type { LocalList, LocalText } from '../../domain/lang.js';
import { localList, localText } from './local.js';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case words joined by hyphens');

export const sectionsFileSchema = z
  .object({
    sources: z.record(id, z.object({ file: z.string().min(1), title: localText, url: z.string().url() }).strict()),
    sections: z.record(id, z.object({ source: id, anchor: z.string().min(8), title: localText }).strict()),
  })
  .strict();

export const flagsFileSchema = z.record(
  id,
  z
    .object({
      dimension: z.enum(DIMENSIONS),
      severity: z.enum(SEVERITIES),
      label: localText,
      cites: z.array(id).default([]),
    })
    .strict(),
);

/** Texts the program itself says (not a playbook's): content/ui/<area>.yaml, keyed "<area>.<key>". */
export const uiFileSchema = z.record(z.string().regex(/^[a-z0-9-]+$/), localText);
export type UiTexts = Record<string, LocalText>;

export const lexiconSchema = z
  .object({
    yes: localList,
    no: localList,
    unsure: localList,
    /** Words that negate what follows ("not a university", "geen bedrijf"). */
    negations: localList.default({ en: [], nl: [] } as LocalList),
    /** Words that may stand between a negation and what it negates ("not really a", "geen echt"). */
    negationGap: localList.default({ en: [], nl: [] } as LocalList),
    /** Words that join a list, so that a negation reaches its later items ("not BELSPO and RHID"). */
    conjunctions: localList.default({ en: [], nl: [] } as LocalList),
    /** Words that carry no answer ("well", "eigenlijk"), ignored when reading yes, no or not sure. */
    fillers: localList.default({ en: [], nl: [] } as LocalList),
    /** Doubt phrases; followed by "whether"/"of" they make the clause unsure ("I don't know whether it is listed"). */
    doubt: localList.default({ en: [], nl: [] } as LocalList),
    /** Words that open an indirect question after a doubt phrase: whether, if, of. */
    whether: localList.default({ en: [], nl: [] } as LocalList),
    /** Words of approximation before a bare level ("ergens 4 à 5", "around 3"): the level is still read. */
    approximations: localList.default({ en: [], nl: [] } as LocalList),
    /** Words that place a bare level on the TRL scale ("op 4", "naar 6-7", "to 6"): the level after them is a TRL level. */
    levelPlaces: localList.default({ en: [], nl: [] } as LocalList),
    /** Units after a number that make it no level ("over 2 jaar", "in 3 weeks", "3 keer"). */
    levelUnits: localList.default({ en: [], nl: [] } as LocalList),
    /** Words that set what follows them in the past, before the answer ("after his military service he …"): beside another answer, that one is meant. */
    earlierStages: localList.default({ en: [], nl: [] } as LocalList),
    /** Negated verbs whose reach is the verb phrase after them ("we wouldn't recruit anyone ourselves"): a few words, in the clause. */
    verbNegations: localList.default({ en: [], nl: [] } as LocalList),
    /** Phrases after an answer's words, in its clause, that deny them ("van 'confidential' is geen sprake", "… is not involved"). */
    denials: localList.default({ en: [], nl: [] } as LocalList),
    /** Negated quantifiers that deny the rest of their clause ("none of it is listed", "niets ervan"). */
    negatedQuantifiers: localList.default({ en: [], nl: [] } as LocalList),
    /** "They won't say": the answer is withheld, which is neither "no" nor "I'm not sure". */
    refusals: localList.default({ en: [], nl: [] } as LocalList),
    /** "I haven't checked", "ik kan het niet controleren": said anywhere, the answer is "not sure", even after a "no". */
    unverified: localList.default({ en: [], nl: [] } as LocalList),
    /** Words that open a condition ("unless we anonymise", "tenzij"): the rest of that clause answers nothing. */
    conditions: localList.default({ en: [], nl: [] } as LocalList),
    /** Words that open a closing clause summing up ("…, dus ja", "…, so no"): that clause's yes or no is the answer. */
    conclusions: localList.default({ en: [], nl: [] } as LocalList),
    /** "In general", "over het algemeen": a clause saying this is about things at large (the country), not about the partner. */
    generalities: localList.default({ en: [], nl: [] } as LocalList),
    /** "I think", "denk ik", "volgens mij": a finding said with one of these is not confirmed (see an answer's `hedged`). */
    hedges: localList.default({ en: [], nl: [] } as LocalList),
    /** "Maybe", "misschien": what a clause names after one of these is only a possibility; a definite answer elsewhere wins. */
    tentative: localList.default({ en: [], nl: [] } as LocalList),
    /** "I'd like to", "ik zou graag", "zou … willen" (words in order, a few others between): a clause with one of these names a wish, not what happens; like "maybe", an answer named without one wins. */
    wishes: localList.default({ en: [], nl: [] } as LocalList),
    /** "More than", "compared to", "meer dan": an answer's words right after one of these are a yardstick, not the answer ("meer dan een FWO-beurs"). */
    comparisons: localList.default({ en: [], nl: [] } as LocalList),
    /** "A bit", "een beetje": an answer said with one of these, then denied in a later clause, is taken back ("a bit political, haha … nothing delicate"). */
    softeners: localList.default({ en: [], nl: [] } as LocalList),
    /** Words a question sentence opens with ("is it", "valt", "what"): a closing sentence opening otherwise is a statement, even with a question mark. */
    questionStarts: localList.default({ en: [], nl: [] } as LocalList),
    /** "Really", "echt": a word that only strengthens a yes or no ("I really don't think so", "ik denk echt van niet"); the opening is also read without it. */
    intensifiers: localList.default({ en: [], nl: [] } as LocalList),
    /** "But", "maar": two answers, one before and one after one of these, are read as the later one ("niks militairs, maar … de marine"). */
    contrasts: localList.default({ en: [], nl: [] } as LocalList),
    /**
     * "My questions", "mijn onderzoek": after a bare yes or no and an aside, a "but" clause with one of these that names no
     * answer sets the researcher's own subject apart from the aside ("Not really. Water rights can be political there,
     * but my questions are about irrigation"): on a choice question the aside answers nothing.
     */
    ownSubject: localList.default({ en: [], nl: [] } as LocalList),
    /**
     * "She wouldn't be on that", "daar komt ze niet aan": on a yes/no question, a later clause with one of these says the
     * person asked about stays out of what the clauses before it named: those answers are denied.
     */
    notInvolved: localList.default({ en: [], nl: [] } as LocalList),
    /**
     * "Not his lab", "niet dit departement", "another lab": on a yes/no question, a later clause with one of these says
     * what the clauses before it named is another unit than the one asked about: set apart, and alone it leaves "not sure".
     */
    elsewhere: localList.default({ en: [], nl: [] } as LocalList),
    /** "Their website", "hun website", "the call says": the partner's or the funder's own words; a sign named there answers even after "not sure". */
    ownSources: localList.default({ en: [], nl: [] } as LocalList),
    /** Words in the area names that name no area of their own ("technology", "onderzoek", "military"). */
    genericAreaWords: localList.default({ en: [], nl: [] } as LocalList),
    /** Fields no critical technology area covers ("codicology", "taalkunde"): named for the area question, they answer "none". */
    outsideAreas: localList.default({ en: [], nl: [] } as LocalList),
    /** "Code", "drafts", "bestanden": things shared; typed for "would it go outside the EU?", the partners' countries say where. */
    sharedThings: localList.default({ en: [], nl: [] } as LocalList),
    /** Word starts that make such a field technical ("computational linguistics"): then it is not read as "none". */
    technical: localList.default({ en: [], nl: [] } as LocalList),
    /** "A standard commercial camera system": a technology only used as a tool; next to such a field, the answer is "none". */
    standardTools: localList.default({ en: [], nl: [] } as LocalList),
    /** Words saying something was looked at ("I checked Annex I", "nagekeken"): the answer words in that clause are what was checked. */
    checked: localList.default({ en: [], nl: [] } as LocalList),
    /** Small words between a "checked" word and what was checked ("checked the annex", "doorzocht de lijst"). */
    checkedGap: localList.default({ en: [], nl: [] } as LocalList),
    /** Word starts that negate a compound ("nonmilitary", "niet-militair"): the word is not its last part. */
    negatingPrefixes: localList.default({ en: [], nl: [] } as LocalList),
    /** Words that make a typed text look like an organisation's name ("university", "GmbH", "ziekenhuis"). */
    organisationWords: localList.default({ en: [], nl: [] } as LocalList),
    /** Small words inside names that need no capital ("of", "van der"). */
    nameParticles: localList.default({ en: [], nl: [] } as LocalList),
    /** Particles a name inside a sentence ends at: a place after them is not part of it ("… bureau in Minsk"). */
    nameBreaks: localList.default({ en: [], nl: [] } as LocalList),
    /** What people say about the conversation itself, at any step (see src/engine/intents.ts). */
    intents: z
      .object({
        notAbout: localList.default({ en: [], nl: [] } as LocalList),
        meant: localList.default({ en: [], nl: [] } as LocalList),
        send: localList.default({ en: [], nl: [] } as LocalList),
        notNow: localList.default({ en: [], nl: [] } as LocalList),
      })
      .strict()
      .default({
        notAbout: { en: [], nl: [] } as LocalList,
        meant: { en: [], nl: [] } as LocalList,
        send: { en: [], nl: [] } as LocalList,
        notNow: { en: [], nl: [] } as LocalList,
      }),
    commands: z
      .object({
        restart: localList,
        help: localList,
        forget: localList,
        english: localList,
        dutch: localList,
        cancel: localList,
        /** "my cases": a channel that can show the user's cases answers it (Teams); elsewhere it is an ordinary message. */
        cases: localList,
      })
      .strict(),
  })
  .strict();
export type Lexicon = z.infer<typeof lexiconSchema>;
