// Schemas for the engine's own content files: sections, flags, ui texts and the lexicon.
import { z } from 'zod';
import { DIMENSIONS, SEVERITIES } from '../../engine/ids.js';
import { localList, localText } from './playbook.js';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case words joined by hyphens');

export const sectionsFileSchema = z
  .object({
    sources: z.record(
      id,
      z.object({ file: z.string().min(1), title: localText, url: z.string().url() }).strict(),
    ),
    sections: z.record(
      id,
      z.object({ source: id, anchor: z.string().min(8), title: localText }).strict(),
    ),
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
export type UiTexts = Record<string, { en: string; nl: string }>;
export const uiSchema = uiFileSchema;

export const lexiconSchema = z
  .object({
    yes: localList,
    no: localList,
    unsure: localList,
    /** Words that negate what follows ("not a university", "geen bedrijf"). */
    negations: localList.default({ en: [], nl: [] }),
    /** Words that may stand between a negation and what it negates ("not really a", "geen echt"). */
    negationGap: localList.default({ en: [], nl: [] }),
    /** Words that join a list, so that a negation reaches its later items ("not BELSPO and RHID"). */
    conjunctions: localList.default({ en: [], nl: [] }),
    /** Words that carry no answer ("well", "eigenlijk"), ignored when reading yes, no or not sure. */
    fillers: localList.default({ en: [], nl: [] }),
    /** Doubt phrases; followed by "whether"/"of" they make the clause unsure ("I don't know whether it is listed"). */
    doubt: localList.default({ en: [], nl: [] }),
    /** Words that open an indirect question after a doubt phrase: whether, if, of. */
    whether: localList.default({ en: [], nl: [] }),
    /** Negated quantifiers that deny the rest of their clause ("none of it is listed", "niets ervan"). */
    negatedQuantifiers: localList.default({ en: [], nl: [] }),
    /** "They won't say": the answer is withheld, which is neither "no" nor "I'm not sure". */
    refusals: localList.default({ en: [], nl: [] }),
    /** Words that make a typed text look like an organisation's name ("university", "GmbH", "ziekenhuis"). */
    organisationWords: localList.default({ en: [], nl: [] }),
    /** Small words inside names that need no capital ("of", "van der"). */
    nameParticles: localList.default({ en: [], nl: [] }),
    /** What people say about the conversation itself, at any step (see src/engine/intents.ts). */
    intents: z
      .object({
        notAbout: localList.default({ en: [], nl: [] }),
        meant: localList.default({ en: [], nl: [] }),
        send: localList.default({ en: [], nl: [] }),
        notNow: localList.default({ en: [], nl: [] }),
      })
      .strict()
      .default({ notAbout: { en: [], nl: [] }, meant: { en: [], nl: [] }, send: { en: [], nl: [] }, notNow: { en: [], nl: [] } }),
    commands: z
      .object({
        restart: localList,
        help: localList,
        forget: localList,
        english: localList,
        dutch: localList,
        cancel: localList,
      })
      .strict(),
  })
  .strict();
export type Lexicon = z.infer<typeof lexiconSchema>;
