// Builds the outcome of a playbook: risk, steps, measures, duties, contact point, citations.
import { pick } from '../domain/lang.js';
import type { Content } from '../content/load.js';
import type { OutcomeStep, Playbook } from '../content/schema/playbook.js';
import { cite, uniqueCitations } from './citations.js';
import { holds, type ConditionScope } from './conditions.js';
import { flagView } from './flags.js';
import { makeT } from './i18n.js';
import type { Lang } from './ids.js';
import { assessRisk, maxRisk } from './risk.js';
import type { AdviceItem, ContactPointView, ConversationState, Outcome } from './types.js';

export function contactPointView(
  content: Content,
  institution: string | undefined,
  topics: readonly string[],
): ContactPointView | undefined {
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

export function buildOutcome(
  playbook: Playbook,
  spec: OutcomeStep,
  state: ConversationState,
  content: Content,
): Outcome {
  const lang: Lang = state.lang;
  const t = makeT(content, lang);
  const flags = state.flags.map((id) => flagView(id, content, playbook, lang));
  const flagSet = new Set(state.flags);
  const assessed = assessRisk(flags);
  let risk = maxRisk(assessed.risk, spec.risk.floor);
  const baseScope: ConditionScope = { facts: state.facts, flags: flagSet };
  for (const rule of spec.risk.rules) if (holds(rule.when, baseScope)) risk = maxRisk(risk, rule.risk);
  const scope: ConditionScope = { ...baseScope, risk };

  const steps: AdviceItem[] = spec.steps
    .filter((s) => holds(s.when, scope))
    .map((s) => ({ id: s.id, text: pick(s.text, lang), cites: cite(s.cites, content, lang) }));
  const measures: AdviceItem[] = spec.measures
    .filter((m) => holds(m.when, scope))
    .flatMap((m) => content.reference.measures.filter((x) => x.id === m.id))
    .map((m) => ({ id: m.id, text: `${pick(m.title, lang)}: ${pick(m.text, lang)}`, cites: cite(m.cites, content, lang) }));
  const dutyDefs = spec.duties
    .filter((d) => holds(d.when, scope))
    .flatMap((d) => content.reference.duties.filter((x) => x.id === d.id));
  const duties: AdviceItem[] = dutyDefs.map((d) => ({ id: d.id, text: `${pick(d.title, lang)}: ${pick(d.text, lang)}`, cites: cite(d.cites, content, lang) }));
  // Institution-level restrictions that the conversation met are duties too.
  for (const r of content.reference.restrictions) {
    if (flagSet.has(r.flag) && !duties.some((d) => d.id === `restriction-${r.id}`)) {
      duties.push({ id: `restriction-${r.id}`, text: pick(r.text, lang), cites: cite(r.cites, content, lang) });
    }
  }

  const reportDuty = dutyDefs.some((d) => d.report);
  const seriousFlag = flags.some((f) => f.severity === 'serious' || f.severity === 'blocker');
  let escalate: boolean;
  if (spec.escalate.never) escalate = false;
  else if (spec.escalate.always) escalate = true;
  else if (spec.escalate.when) escalate = holds(spec.escalate.when, scope) || risk === 'high';
  else escalate = risk !== 'low' || reportDuty || seriousFlag;

  const institution = typeof state.facts.institution === 'string' ? state.facts.institution : undefined;
  const riskReasons = assessed.dimensions.map((d) => {
    const labels = flags.filter((f) => f.dimension === d && f.severity !== 'info').map((f) => f.label);
    return `${t(`dimension-${d}`)}: ${labels.join('; ')}`;
  });
  if (assessed.blockers.length > 0) riskReasons.unshift(t('risk-reason-blocker', { labels: assessed.blockers.map((b) => b.label).join('; ') }));
  if (riskReasons.length === 0) riskReasons.push(t('risk-reason-none'));

  const playbookCites = cite(playbook.cites, content, lang);
  const flagCites = state.flags.flatMap((id) => cite(content.flags.get(id)?.cites ?? [], content, lang));
  return {
    playbook: playbook.id,
    playbookTitle: pick(playbook.title, lang),
    risk,
    riskLabel: t(`risk-${risk}`),
    headline: '',
    assessment: spec.assessment.filter((a) => holds(a.when, scope)).map((a) => pick(a.text, lang)).join('\n\n'),
    riskReasons,
    flags,
    screening: state.screening,
    ...(state.screened ? { screened: state.screened } : {}),
    steps,
    measures,
    duties,
    openPoints: [],
    links: [],
    escalate,
    escalation: escalate ? 'required' : 'none',
    contactPoint: contactPointView(content, institution, spec.contactTopics),
    citations: uniqueCitations([playbookCites, ...steps.map((s) => s.cites), ...measures.map((m) => m.cites), ...duties.map((d) => d.cites), flagCites]),
  };
}
