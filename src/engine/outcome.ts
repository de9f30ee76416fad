// Builds the outcome of a playbook: headline, risk and the rule that set it, steps, measures, duties,
// open points, links, how strongly the contact point is involved, and citations.
import { pick } from '../domain/lang.js';
import type { Content } from '../content/load.js';
import type { Condition, OutcomeStep, Playbook } from '../content/schema/playbook.js';
import { makeAdviceT } from './advice-text.js';
import { cite, uniqueCitations } from './citations.js';
import { holds, type ConditionScope } from './conditions.js';
import { deriveFacts } from './derived-facts.js';
import { decideEscalation } from './escalation-rule.js';
import { flagView, UNSURE_PREFIX } from './flags.js';
import { makeT } from './i18n.js';
import type { Lang, Risk } from './ids.js';
import { riskRank } from './ids.js';
import { evaluateRestrictions, type RestrictionResult } from './restrictions.js';
import { assessRisk, elementsOf, maxRisk, situationHolds, type SituationFacts } from './risk.js';
import { hitFlag } from './checks.js';
import type { AdviceItem, ContactPointView, ConversationState, Facts, FlagView, LinkView, Outcome } from './types.js';

export function contactPointView(content: Content, institution: string | undefined, topics: readonly string[]): ContactPointView | undefined {
  const cp = content.reference.contactPoints.find((c) => c.id === institution);
  if (!cp) return undefined;
  const addresses: Record<string, string | undefined> = {
    'export-control': cp.emails.exportControl,
    'human-rights': cp.emails.humanRights,
    'dual-use': cp.emails.dualUse,
    ethics: cp.emails.ethics,
  };
  const specialised = topics
    .map((topic) => ({ topic, email: addresses[topic] }))
    .filter((s): s is { topic: string; email: string } => typeof s.email === 'string' && s.email !== cp.emails.main);
  return { id: cp.id, name: cp.name, email: cp.emails.main, specialised };
}

/** Raised when a rule of the funder that funds the work concerns the partner (content/flags.yaml). */
const FUNDER_RULE_FLAG = 'funder-rule-concerns-partner';

/** The flags that hold once what is known is sorted from what is not: no "not sure", no outside-EU flags inside the EU. */
function effectiveFlags(state: ConversationState, facts: Facts, content: Content, restricted: RestrictionResult): string[] {
  const rules = content.rules;
  const restrictionFlags = new Set(content.reference.restrictions.map((r) => r.flag));
  const kept = state.flags.filter(
    (f) =>
      !f.startsWith(UNSURE_PREFIX) &&
      // Rules are applied below from the facts, never from an earlier guess.
      !restrictionFlags.has(f) &&
      !(facts.partnerOutsideEu === 'no' && rules.outsideEuFlags.includes(f)),
  );
  // Sharing outside the EU is an element only for what could be misused: nothing listed and no military use, it is not.
  const { flags: unlisted, unless } = rules.unlistedSharing;
  const harmless = facts.dualUse === 'no' && !kept.some((f) => unless.includes(f));
  const counted = harmless ? kept.filter((f) => !unlisted.includes(f)) : kept;
  // A concern that other answers settle (rules.yaml `settled`) no longer counts.
  const scope: ConditionScope = { facts, flags: new Set(counted) };
  const settled = new Set(rules.settled.filter((r) => holds(r.when, scope)).flatMap((r) => r.flags));
  // The funder of the work has a rule about this partner (Horizon Europe and Huawei, FWO and Russia): its conditions apply.
  const funderRule = restricted.funderRules.length > 0 ? [FUNDER_RULE_FLAG] : [];
  return [...new Set([...counted.filter((f) => !settled.has(f)), ...restricted.bites.map((r) => r.flag), ...funderRule])];
}

function conditionLabels(when: Condition, content: Content, lang: Lang): string[] {
  return [...(when.flags ?? []), ...(when.anyFlags ?? [])].flatMap((f) => {
    const def = content.flags.get(f);
    return def ? [pick(def.label, lang)] : [];
  });
}

interface Evaluated {
  risk: Risk;
  basis: Outcome['riskBasis'];
  situation: SituationFacts;
}

export function buildOutcome(playbook: Playbook, spec: OutcomeStep, state: ConversationState, content: Content): Outcome {
  const lang: Lang = state.lang;
  const t = makeT(content, lang);
  const at = makeAdviceT(content, lang);
  const rules = content.rules;
  const facts = deriveFacts(state.facts, playbook.id, rules, state.signals);
  const restricted = evaluateRestrictions(content.reference.restrictions, facts, state.screening);
  const flagIds = effectiveFlags(state, facts, content, restricted);
  const flagSet = new Set(flagIds);
  const flags = flagIds.map((id) => flagView(id, content, playbook, lang));

  // Real hits on named lists, weighed by what they are (a debarment is a due-diligence point, not a hit that needs the contact point).
  const listHit = state.screening.some((h) => {
    const f = hitFlag(h);
    const sev = f ? content.flags.get(f)?.severity : undefined;
    return h.match && (sev === 'serious' || sev === 'blocker');
  });

  const unsureAnswers = state.answers.filter((a) => a.value === 'unsure');
  const openPoints: AdviceItem[] = [];
  for (const a of unsureAnswers) {
    const q = playbook.steps[a.step];
    if (q?.type !== 'question') continue;
    openPoints.push({ id: `open-${a.step}`, text: at('open-point-unsure', { short: pick(q.short, lang) }), cites: cite(q.cites, content, lang) });
  }
  for (const check of restricted.toCheck) {
    const r = check.restriction;
    openPoints.push({
      id: `check-${r.id}`,
      text: at('open-point-restriction', {
        name: pick(r.name, lang),
        text: pick(r.text, lang),
        what: check.open.map((c) => pick(c.what, lang)).join(at('and')),
      }),
      cites: cite(r.cites, content, lang),
    });
  }

  const elementText = (fs: FlagView[]): string => {
    const dims = elementsOf(fs).map((d) => t(`dimension-${d}`).toLowerCase());
    return dims.length > 0 ? dims.join(' + ') : at('no-elements');
  };
  const blockerNames = (): string => {
    const names = restricted.bites.map((r) => pick(r.name, lang));
    const others = flags.filter((f) => f.severity === 'blocker' && !restricted.bites.some((r) => r.flag === f.id)).map((f) => f.label);
    return [...others, ...names].join('; ');
  };

  const evaluate = (requiredDuty: boolean, licenceDuty: boolean, counted: FlagView[] = flags): Evaluated => {
    const situation: SituationFacts = { flags: counted, requiredDuty, licenceDuty, listHit, openPoints: openPoints.length > 0 };
    const assessed = assessRisk(rules, situation);
    let risk = assessed.risk;
    let basis: Outcome['riskBasis'] = {
      rule: assessed.rule.id,
      text: pick(assessed.rule.text, lang).replace('{elements}', elementText(flags)).replace('{blockers}', blockerNames()),
      cites: cite(assessed.rule.cites, content, lang),
    };
    if (riskRank(spec.risk.floor) > riskRank(risk)) {
      risk = spec.risk.floor;
      basis = { rule: `${playbook.id}:floor`, text: at('basis-floor', { risk: t(`risk-${risk}`) }), cites: cite(playbook.cites, content, lang) };
    }
    const scope: ConditionScope = { facts, flags: new Set(counted.map((f) => f.id)) };
    spec.risk.rules.forEach((rule, i) => {
      if (holds(rule.when, scope) && riskRank(rule.risk) > riskRank(risk)) {
        risk = maxRisk(risk, rule.risk);
        const labels = conditionLabels(rule.when, content, lang);
        basis = {
          rule: `${playbook.id}:rule-${i + 1}`,
          text: at('basis-playbook', { risk: t(`risk-${risk}`), labels: labels.length ? labels.join(' + ') : pick(playbook.title, lang) }),
          cites: cite(playbook.cites, content, lang),
        };
      }
    });
    return { risk, basis, situation: { ...situation, risk } };
  };

  const risky = (e: Evaluated): boolean =>
    riskRank(e.risk) >= riskRank('medium') && !rules.pointsToRisk.notRules.some((r) => e.basis?.rule === r || e.basis?.rule.endsWith(`:${r}`));
  // A blocker stops the collaboration, so nothing is left to weigh; one that stops only the agreement leaves the rest.
  const partial = rules.pointsToRisk.partialBlockers.filter((p) => (p.playbooks?.includes(playbook.id) ?? true) && holds(p.when, { facts, flags: flagSet }));
  const leaves = (f: FlagView): boolean => partial.some((p) => p.flags.includes(f.id));
  const pointsToRiskOf = (e: Evaluated): boolean => {
    const blockers = flags.filter((f) => f.severity === 'blocker');
    if (blockers.length === 0) return risky(e);
    if (!blockers.every(leaves)) return false;
    return risky(
      evaluate(
        e.situation.requiredDuty,
        e.situation.licenceDuty,
        flags.filter((f) => !leaves(f)),
      ),
    );
  };
  const triggered = (e: Evaluated) => {
    const scope: ConditionScope = { facts, flags: flagSet, risk: e.risk, pointsToRisk: pointsToRiskOf(e) };
    return [...spec.duties, ...rules.duties]
      .filter((d) => holds(d.when, scope))
      .filter((d) => !(facts.partnerOutsideEu === 'no' && rules.outsideEuDuties.includes(d.id)));
  };
  const dutiesFor = (e: Evaluated) =>
    triggered(e)
      .flatMap((d) => content.reference.duties.filter((x) => x.id === d.id))
      // A duty named under two conditions shows once.
      .filter((d, i, all) => all.findIndex((x) => x.id === d.id) === i);
  /** A duty requires the contact point when a trigger that is more than a check (rules.yaml `check`) holds. */
  const requiredFor = (e: Evaluated): boolean => triggered(e).some((d) => rules.requiredDuties.includes(d.id) && !('check' in d && d.check === true));

  // Duties may depend on the risk and the risk on the duties: settle it in two rounds.
  let evaluated = evaluate(false, false);
  for (let round = 0; round < 2; round++) {
    const ids = dutiesFor(evaluated).map((d) => d.id);
    const requiredDuty = requiredFor(evaluated);
    const licenceDuty = ids.some((id) => rules.licenceDuties.includes(id));
    evaluated = evaluate(requiredDuty, licenceDuty);
  }
  const { risk, basis } = evaluated;
  const pointsToRisk = pointsToRiskOf(evaluated);
  const situation: SituationFacts = { ...evaluated.situation, pointsToRisk };
  const scope: ConditionScope = { facts, flags: flagSet, risk, pointsToRisk };

  const steps: AdviceItem[] = spec.steps
    .filter((s) => holds(s.when, scope))
    .map((s) => ({ id: s.id, text: pick(s.text, lang), cites: cite(s.cites, content, lang) }));
  const measures: AdviceItem[] = spec.measures
    .filter((m) => holds(m.when, scope))
    .flatMap((m) => content.reference.measures.filter((x) => x.id === m.id))
    .map((m) => ({ id: m.id, text: `${pick(m.title, lang)}: ${pick(m.text, lang)}`, cites: cite(m.cites, content, lang) }));
  const duties: AdviceItem[] = dutiesFor(evaluated).map((d) => ({
    id: d.id,
    text: `${pick(d.title, lang)}: ${pick(d.text, lang)}`,
    cites: cite(d.cites, content, lang),
  }));
  // A restriction that bites is a duty too, named as the rule it is.
  for (const r of restricted.bites) {
    if (!duties.some((d) => d.id === `restriction-${r.id}`)) {
      duties.push({ id: `restriction-${r.id}`, text: `${pick(r.name, lang)}: ${pick(r.text, lang)}`, cites: cite(r.cites, content, lang) });
    }
  }

  let decision = decideEscalation(rules, situation);
  if (spec.escalate.never) decision = { escalation: 'none' };
  else if (decision.escalation === 'none' && (spec.escalate.always || (spec.escalate.when && holds(spec.escalate.when, scope)))) {
    decision = { escalation: 'offered' };
  }
  const escalation = decision.escalation;

  const headlineRule = rules.headlines.find((h) => !h.prefix && situationHolds(h.when, situation));
  const prefixes = rules.headlines.filter((h) => h.prefix && situationHolds(h.when, situation)).map((h) => pick(h.text, lang));
  const headline = [...prefixes, headlineRule ? pick(headlineRule.text, lang).replace('{blockers}', blockerNames()) : ''].filter(Boolean).join(' ');

  const institution = typeof state.facts.institution === 'string' ? state.facts.institution : undefined;
  // One section: why this risk. Each concern once, grouped by element; the blockers first.
  const riskReasons = elementsOf(flags)
    .map((d) => {
      const labels = flags.filter((f) => f.dimension === d && f.severity !== 'info' && f.severity !== 'blocker').map((f) => f.label);
      return labels.length ? `${t(`dimension-${d}`)}: ${labels.join('; ')}` : '';
    })
    .filter((line) => line !== '');
  const blockers = flags.filter((f) => f.severity === 'blocker');
  if (blockers.length > 0) riskReasons.unshift(at('reason-blocker', { labels: blockers.map((b) => b.label).join('; ') }));
  if (riskReasons.length === 0) riskReasons.push(at(openPoints.length > 0 ? 'reason-none-known' : 'reason-none'));

  const linkIds = [...new Set(steps.flatMap((s) => rules.stepLinks[s.id] ?? []))];
  const links: LinkView[] = linkIds.flatMap((id) => {
    const l = content.reference.links.find((x) => x.id === id);
    return l ? [{ id: l.id, label: pick(l.title, lang), url: l.url }] : [];
  });

  const playbookCites = cite(playbook.cites, content, lang);
  const flagCites = flagIds.flatMap((id) => cite(content.flags.get(id)?.cites ?? [], content, lang));
  return {
    playbook: playbook.id,
    playbookTitle: pick(playbook.title, lang),
    risk,
    riskLabel: t(`risk-${risk}`),
    headline,
    assessment: spec.assessment
      .filter((a) => holds(a.when, scope))
      .map((a) => pick(a.text, lang))
      .join('\n\n'),
    riskReasons,
    flags,
    screening: state.screening,
    ...(state.screened ? { screened: state.screened } : {}),
    steps,
    measures,
    duties,
    openPoints,
    ...(basis ? { riskBasis: basis } : {}),
    links,
    escalate: escalation !== 'none',
    escalation,
    contactPoint: contactPointView(content, institution, spec.contactTopics),
    citations: uniqueCitations([
      playbookCites,
      ...steps.map((s) => s.cites),
      ...measures.map((m) => m.cites),
      ...duties.map((d) => d.cites),
      ...openPoints.map((p) => p.cites),
      flagCites,
    ]),
  };
}
