// The advice rules as data (content/rules.yaml): which combination sets the risk, when the contact point
// must be involved and when help is only offered, the headline, EU membership, and facts that follow from others.
import { z } from 'zod';
import { DIMENSIONS, RISKS } from '../../domain/ids.js';
import { playbookIdSchema } from '../../domain/schemas.js';
import { condition, localText } from './playbook.js';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case words joined by hyphens');
const countryCode = z.string().regex(/^[A-Z]{2}$/, 'use an ISO 3166-1 alpha-2 code in capitals, e.g. DE');
const cites = z.array(id).min(1, 'cite the guideline section the rule rests on');

/**
 * What a rule looks at once the answers are in. Every listed part must hold; `true` means "there is at
 * least one", `false` "there is none".
 */
export const situationSchema = z
  .object({
    /** A restriction that bites, a sanctions hit, or another blocker. */
    blockers: z.boolean().optional(),
    /** At least this many of the four elements (topic, partner, country, collaboration) are concerns. */
    minElements: z.number().int().min(0).max(4).optional(),
    /** These elements are among them (e.g. the partner: three elements with nothing against the partner are not high). */
    elements: z.array(z.enum(DIMENSIONS)).optional(),
    /** At least one of these elements is among them (e.g. a partner or a country: someone who could misuse it). */
    anyElements: z.array(z.enum(DIMENSIONS)).min(1).optional(),
    /** Every element present is one of these (e.g. only the partner and its country: nothing in the topic or the collaboration). */
    onlyElements: z.array(z.enum(DIMENSIONS)).min(1).optional(),
    /** At least this many serious flags. */
    minSerious: z.number().int().min(0).optional(),
    /** At most this many serious flags (0: only concerns, nothing serious). */
    maxSerious: z.number().int().min(0).optional(),
    /** A duty that requires the contact point (rules.requiredDuties) is in the outcome. */
    requiredDuty: z.boolean().optional(),
    /** An export or intra-EU licence duty (rules.licenceDuties) is in the outcome. */
    licenceDuty: z.boolean().optional(),
    /** A real hit on a named list (not a rule about a country, not a "possible"). */
    listHit: z.boolean().optional(),
    /** Something the researcher could not answer, or a restriction that depends on it. */
    openPoints: z.boolean().optional(),
    /** Any concern at all, whatever its weight. */
    concerns: z.boolean().optional(),
    risk: z.array(z.enum(RISKS)).optional(),
    /** The checks point to a risk (rules.pointsToRisk): not a duty alone, a floor, or a Seven Sons name alone. */
    pointsToRisk: z.boolean().optional(),
    anyFlags: z.array(id).optional(),
    notFlags: z.array(id).optional(),
  })
  .strict();
export type Situation = z.infer<typeof situationSchema>;

const riskRuleSchema = z.object({ id, risk: z.enum(RISKS), when: situationSchema, text: localText, cites }).strict();

const escalationRuleSchema = z.object({ id, when: situationSchema, text: localText, cites }).strict();

/** A headline; a `prefix` one is put before the first ordinary one that holds. */
const headlineSchema = z.object({ id, when: situationSchema, text: localText, prefix: z.boolean().default(false) }).strict();

/** A fact that follows from others when the conversation has not set it, e.g. a hire is not an institutional collaboration. */
const deriveSchema = z
  .object({
    fact: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/),
    value: z.string().min(1),
    when: z
      .object({
        playbooks: z.array(playbookIdSchema).optional(),
        facts: z.record(z.string(), z.array(z.string())).optional(),
        /** One of these signals was read in what the researcher wrote (content/understand/signals.yaml). */
        signals: z.array(z.string()).min(1).optional(),
      })
      .strict(),
    cites,
  })
  .strict();

export const rulesFileSchema = z
  .object({
    /** EU member states: a licence for sharing listed items is needed only outside them. */
    eu: z.array(countryCode).min(27),
    /** Duties that only exist when something goes outside the EU. */
    outsideEuDuties: z.array(id).default([]),
    /** Flags about sharing outside the EU that are no risk element when nothing listed is involved, unless one of `unless` is raised. */
    unlistedSharing: z
      .object({ flags: z.array(id).default([]), unless: z.array(id).default([]) })
      .strict()
      .default({ flags: [], unless: [] }),
    /**
     * Concerns that other answers settle: the flags no longer count once `when` holds (the steps that name them
     * still show). E.g. a thin website says nothing more once the owners are known.
     */
    settled: z.array(z.object({ flags: z.array(id).min(1), when: condition, cites }).strict()).default([]),
    /** Facts in which the researcher says outright whether something goes outside the EU; their "yes" wins over the countries. */
    explicitOutsideEuFacts: z.array(z.string()).default([]),
    /** Flags that only hold when something goes outside the EU. */
    outsideEuFlags: z.array(id).default([]),
    /** Countries outside the EU that count as allied for nationality conditions: the EFTA and NATO members. */
    alliedOutsideEu: z.array(countryCode).default([]),
    /**
     * Partner countries outside the EU, EFTA and NATO whose defence money counts as allied ("allied and partner
     * countries", G:635-637): a defence funder from elsewhere calls for greater caution.
     */
    defencePartners: z.array(countryCode).default([]),
    /** Yes/no facts "are all of them nationals of an EU, EFTA or NATO country?": a nationality from elsewhere answers no. */
    alliedNationalityFacts: z.array(z.string()).default([]),
    /** Duties that make the contact point necessary (reporting obligation, licences, sanctions). */
    requiredDuties: z.array(id).min(1),
    licenceDuties: z.array(id).min(1),
    /** Risk rules whose medium or high does not mean the checks point to a risk (a duty alone, a playbook's floor). */
    pointsToRisk: z
      .object({
        notRules: z.array(z.string()).default([]),
        /**
         * Blockers that stop only part of the collaboration, in playbooks (all when none are named) where the rest goes
         * on without it: the institutional agreement of a visit on an individual grant, a partner's place in one Horizon
         * Europe call. What else comes together can still point to a risk.
         */
        partialBlockers: z
          .array(z.object({ flags: z.array(id).min(1), playbooks: z.array(playbookIdSchema).min(1).optional(), when: condition.optional() }).strict())
          .default([]),
      })
      .strict()
      .default({ notRules: [], partialBlockers: [] }),
    /** First rule that holds sets the risk; the last should hold always. */
    risk: z.array(riskRuleSchema).min(1),
    escalation: z
      .object({
        required: z.array(escalationRuleSchema).min(1),
        offered: z.array(escalationRuleSchema).min(1),
      })
      .strict(),
    headlines: z.array(headlineSchema).min(1),
    derive: z.array(deriveSchema).default([]),
    /**
     * Which questions can change the advice: the `relevance` check raises each flag whose condition holds, and
     * questions ask `when` it is raised. One flag keeps the playbook graph simple.
     */
    relevance: z.array(z.object({ flag: id, when: condition, cites }).strict()).default([]),
    /**
     * Duties whose trigger is the same in every playbook (the reporting obligation); added to a playbook's own.
     * `check: true`: the duty is shown as a check to do (its text is conditional: "when a partner … is subject to
     * sanctions"), and this trigger alone does not make it a duty that requires the contact point (`requiredDuties`).
     */
    duties: z.array(z.object({ id, when: condition, check: z.boolean().optional() }).strict()).default([]),
    /** External sources a step needs, by step id (content/links.yaml). */
    stepLinks: z.record(id, z.array(id)).default({}),
  })
  .strict();
export type Rules = z.infer<typeof rulesFileSchema>;
export type RiskRule = z.infer<typeof riskRuleSchema>;
export type EscalationRule = z.infer<typeof escalationRuleSchema>;
