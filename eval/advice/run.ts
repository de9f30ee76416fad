// Plays advice scenarios written from a contact point's standpoint (eval/advice/*.yaml) through the
// real engine and scores the outcome: risk, duties, restrictions, how the contact point is involved,
// and claims that must not be made. The researcher's answers are keyed by topic tags, not by our
// question ids, so that scenario writers never needed to see the playbooks: each question the advisor
// asks is mapped to a tag by its fact name (or, failing that, by words in the question), and gets the
// scenario's typed answer or, when the scenario is silent, "I'm not sure".
// Usage: npm run eval:advice -- [--set FILE]... [--only ID,ID] [--verbose] [--outcome] [--typed]   (default: eval/advice/dev.yaml)
// --typed prints every typed answer of every scenario with how it was read ("Understood: …" or not understood).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { createAdvisorEngine } from '../../src/runtime/engine.js';
import type { ConversationState, EngineInput, Outcome, Reply } from '../../src/engine/types.js';

const scenarioSchema = z.object({
  id: z.string(),
  lang: z.enum(['en', 'nl']),
  opening: z.string(),
  answers: z.record(z.string(), z.string()).default({}),
  expect: z.object({
    playbooks: z.array(z.string()).default([]),
    // Round 8's writers had a fourth level, "prohibited": the advisor's scale ends at high, and whether a restriction
    // forbids the collaboration is scored by restrictions_applied, so it reads as high.
    risk: z.array(z.enum(['low', 'medium', 'high', 'prohibited']).transform((r) => (r === 'prohibited' ? 'high' : r))).default([]),
    duties_present: z.array(z.string()).default([]),
    duties_absent: z.array(z.string()).default([]),
    restrictions_applied: z.array(z.string()).default([]),
    restrictions_not_applied: z.array(z.string()).default([]),
    escalation: z.enum(['required', 'optional', 'none']).optional(),
    must_not_claim: z.array(z.string()).default([]),
    why: z.string().optional(),
  }),
});
type Scenario = z.infer<typeof scenarioSchema>;

/** Which scenario tags may answer a question, by the fact the question fills; first present wins. */
const TAGS_BY_FACT: Record<string, string[]> = {
  countries: ['partner-country', 'destination-country', 'owners-country', 'funder-origin'],
  partnerName: ['partner-name', 'person-previous-institution', 'visitor-home-institution', 'client'],
  domains: ['tech-area'],
  partnerKind: ['partner-kind'],
  dualUse: ['dual-use-listed'],
  // "What would you share?" is answered by what is shared; the dual-use answer says whether it is listed.
  exportItem: ['what-shared', 'dual-use-listed'],
  militaryEndUse: ['military-end-use'],
  trl: ['trl'],
  partnerMilitaryTies: ['partner-military-ties'],
  partnerHumanRights: ['partner-human-rights'],
  partnerSanctions: ['partner-sanctioned'],
  sanctionsCheck: ['partner-sanctioned', 'owners-country'],
  sharing: ['what-shared'],
  sharingOutsideEu: ['destination-country', 'what-shared'],
  outsideEu: ['destination-country', 'lecture-audience'],
  // Where the lecture or course is held and its participants are: the audience first.
  lectureAudience: ['lecture-audience', 'destination-country'],
  channel: ['what-shared', 'lecture-audience'],
  // "Where does the … funding come from?" is answered by the funding; writers who had no funding tag put the
  // funder's origin under `funder-origin` ("Saudi Arabia, the Ministry of Defence."), the tag that already answers
  // the funder's country (`countries`): one answer read for every question it answers, the nearer tag first.
  funders: ['funding', 'visitor-funding', 'funder-origin'],
  institution: ['home-institution'],
  homeInstitution: ['home-institution'],
  backgroundKind: ['person-military-background'],
  militaryCv: ['person-military-background'],
  stillConnected: ['person-still-connected'],
  cvGaps: ['person-cv-gaps'],
  sameTopic: ['person-same-topic'],
  // The ties of the visitor's home institution; its name answers only when a list names it.
  homeTies: ['partner-military-ties', 'visitor-home-institution'],
  stayKind: ['stay-length'],
  access: ['access-to-strategic-projects'],
  companyInfo: ['company-info'],
  owners: ['owners', 'owners-country'],
  ownerTies: ['owners-state-or-military'],
  fundingSignals: ['funding-warning-signs'],
  // Warning signs ("three times the usual amount") do not say whether the group would depend on the money.
  fundingDependence: [],
  publicationTerms: ['publication-freedom', 'client-review-right'],
  respondentChoice: ['respondent-choice'],
  safety: ['respondent-safety', 'researcher-safety'],
  researcherSafety: ['researcher-safety'],
  // The client's name answers who it is, not whether it violated human rights.
  clientHumanRights: ['partner-human-rights'],
  collection: ['data-collected'],
  identifiable: ['participants-identifiable'],
  subjectSensitivity: ['subject-sensitive'],
  sensitiveData: ['data-across-border', 'data-collected'],
  classification: ['classification-level'],
  teamNationality: ['team-nationality'],
  intraEu: ['tech-area', 'dual-use-listed'],
  collaborationKind: ['collaboration-form', 'institutional-agreement'],
  // Writers had no tag for the call's eligibility; what they knew of the Horizon call went under its action type.
  callExcludesNonEu: ['horizon-action-type'],
  // "Have you prepared interview questions about … how their research was funded?" is not answered by the funding.
  interviewQuestions: [],
};

/** When a question's fact is not in the table, words in the question choose the tag. */
const TAGS_BY_WORDS: Array<[RegExp, string]> = [
  [/rector|rectoren/i, 'rectors-statement-signed'],
  [/innovation action|innovatieactie|type of (horizon )?action|soort actie/i, 'horizon-action-type'],
  [/agreement|akkoord|overeenkomst|mou\b/i, 'institutional-agreement'],
  [/fund|financ|pays|betaalt/i, 'funding'],
  [/dual.?use|annex|bijlage/i, 'dual-use-listed'],
  [/military|militair|defen[cs]e/i, 'partner-military-ties'],
  [/human.?rights|mensenrechten/i, 'partner-human-rights'],
  [/sanction|sanctie/i, 'partner-sanctioned'],
  [/countr|land\b/i, 'partner-country'],
  [/name|naam|heet/i, 'partner-name'],
  [/owner|eigenaar|aandeelhouder|sharehold/i, 'owners'],
  [/publish|publiceren/i, 'publication-freedom'],
  [/safe|veilig/i, 'researcher-safety'],
];

const DUTY_IDS: Record<string, string[]> = {
  'export-licence': ['dual-use-export-licence'],
  'fwo-approval': ['fwo-security-approval'],
};
const RESTRICTION_IDS: Record<string, string[]> = {
  'seven-sons': ['universities-seven-sons', 'fwo-seven-sons'],
};

interface QuestionReply {
  step: string;
  text: string;
  choices: Array<{ label: string; value: string }>;
}

function lastQuestion(replies: Reply[]): QuestionReply | undefined {
  for (let i = replies.length - 1; i >= 0; i--) {
    const r = replies[i];
    if (r?.kind === 'question') return r;
  }
  return undefined;
}

interface Played {
  routed: string | null;
  reachedInOneClick: boolean;
  outcome?: Outcome;
  summary: string;
  typedMisses: number;
  questions: number;
  trace: string[];
  typed: string[];
}

function play(engine: ReturnType<typeof createAdvisorEngine>, sc: Scenario): Played {
  let state: ConversationState | null = null;
  let n = 0;
  let summary = '';
  const spoken: string[] = [];
  const trace: string[] = [];
  const typed: string[] = [];
  const send = (input: EngineInput): Reply[] => {
    const r = engine.step(state, input, { at: '2026-12-01T10:00:00.000Z', newId: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}` });
    state = r.state;
    for (const reply of r.replies) {
      if (reply.kind === 'outcome') summary = reply.summaryMarkdown;
      else spoken.push(reply.text);
    }
    return r.replies;
  };
  const current = (): ConversationState => {
    if (!state) throw new Error('no state');
    return state;
  };
  let replies = send({ type: 'set-lang', lang: sc.lang });
  replies = send({ type: 'text', text: sc.opening });
  const routed = current().playbook?.id ?? null;
  const wanted = sc.expect.playbooks;
  let reachedInOneClick = wanted.length === 0 || (routed !== null && wanted.includes(routed));
  if (current().phase === 'clarifying') {
    const offered = (current().clarify ?? []) as string[];
    const pick = wanted.find((p) => offered.includes(p));
    if (pick) reachedInOneClick = true;
    // The advice is judged on an outcome: a knowledge answer has none, so take the case playbook the writer accepted.
    const caseFirst = wanted.find((p) => p !== 'faq');
    const target = pick === 'faq' && caseFirst && sc.expect.risk.length ? caseFirst : (pick ?? wanted[0]);
    if (target) replies = send({ type: 'action', value: `start:${target}` });
  } else if (wanted.length && (routed === null || !wanted.includes(routed)) && wanted[0]) {
    replies = send({ type: 'action', value: `start:${wanted[0]}` });
  }
  let typedMisses = 0;
  let questions = 0;
  for (let guard = 0; guard < 40 && (current().phase === 'asking' || current().phase === 'confirming-name'); guard++) {
    if (current().phase === 'confirming-name') {
      // "Is '…' the organisation's name?": a person says yes to a name they typed, no to a description.
      const typed = current().nameCheck?.text ?? '';
      const looksLikeName = /\p{Lu}/u.test(typed.replace(/^\p{Lu}/u, '')) || /^\p{Lu}[\p{L}.-]+(\s+\p{Lu}[\p{L}.-]*)*$/u.test(typed.trim());
      trace.push(`  name check "${typed}" ← ${looksLikeName ? 'yes' : 'no, then not sure'}`);
      replies = send({ type: 'action', value: looksLikeName ? 'name:yes' : 'name:no' });
      if (!looksLikeName && current().phase === 'asking') {
        const again = lastQuestion(replies)?.choices.find((c) => c.value === 'answer:unsure');
        if (again) replies = send({ type: 'action', value: again.value, ...(current().step ? { step: current().step as string } : {}) });
      }
      continue;
    }
    const q = lastQuestion(replies);
    const stepId = current().step;
    if (!q || !stepId) break;
    const pb = current().playbook ? engine.content.playbooks.get(current().playbook!.id) : undefined;
    const node = pb?.steps[stepId];
    const fact = node && node.type === 'question' ? node.fact : '';
    const tags = TAGS_BY_FACT[fact] ?? TAGS_BY_WORDS.filter(([re]) => re.test(q.text)).map(([, t]) => t);
    const tag = tags.find((t) => sc.answers[t] !== undefined);
    questions++;
    const unsure = q.choices.find((c) => c.value === 'answer:unsure');
    if (tag) {
      const said = sc.answers[tag] as string;
      trace.push(`${stepId} [${tag}] ← "${said}"`);
      replies = send({ type: 'text', text: said });
      const echo = replies.find((r): r is { kind: 'text'; text: string } => r.kind === 'text' && /^(Understood|Begrepen)\b/.test(r.text));
      typed.push(
        `${stepId} [${tag}] ${q.text.split('\n')[0]}\n    ${JSON.stringify(said)}\n    → ${echo ? echo.text : current().phase === 'confirming-name' ? 'name check' : current().step === stepId ? '(not understood)' : '(taken)'}`,
      );
      if (current().phase === 'asking' && current().step === stepId) {
        typedMisses++;
        trace.push(`  (not understood)`);
        if (unsure) replies = send({ type: 'action', value: unsure.value, step: stepId });
      }
    } else {
      trace.push(`${stepId} [${fact || '?'}] ← not sure`);
      if (!unsure) break;
      replies = send({ type: 'action', value: unsure.value, step: stepId });
    }
    if (current().step === stepId && current().phase === 'asking') break; // stuck
  }
  const outcome = current().outcome;
  // No outcome: what the advisor said instead (an off-topic question is answered in text).
  if (!outcome) summary = spoken.join('\n');
  return { routed, reachedInOneClick, ...(outcome ? { outcome } : {}), summary, typedMisses, questions, trace, typed };
}

function escalationOf(o: Outcome): 'required' | 'optional' | 'none' {
  if (o.escalation === 'required') return 'required';
  if (o.escalation === 'offered') return 'optional';
  return 'none';
}

interface Verdict {
  ok: boolean;
  problems: string[];
}

function judge(sc: Scenario, p: Played): Verdict {
  const problems: string[] = [];
  const o = p.outcome;
  const e = sc.expect;
  if (!o) {
    // A question outside research security (expected playbooks: none) is right when no playbook starts and
    // nothing it must not claim is said; the risk, duties and escalation the writer noted are then moot.
    if (e.playbooks.length > 0 || p.routed !== null) return { ok: false, problems: ['no outcome'] };
    const text = p.summary.toLowerCase();
    const problems = e.must_not_claim.filter((c) => text.includes(c.toLowerCase())).map((c) => `claims "${c}"`);
    return { ok: problems.length === 0, problems };
  }
  if (e.risk.length && !e.risk.includes(o.risk)) problems.push(`risk ${o.risk}, expected ${e.risk.join('/')}`);
  const duties = new Set(o.duties.map((d) => d.id));
  const hasDuty = (d: string) => (DUTY_IDS[d] ?? [d]).some((id) => duties.has(id));
  for (const d of e.duties_present) if (!hasDuty(d)) problems.push(`missing duty ${d}`);
  for (const d of e.duties_absent) if (hasDuty(d)) problems.push(`wrong duty ${d}`);
  const flags = new Set(o.flags.map((f) => f.id));
  // A writer may name a funder's condition that is a duty of ours as a restriction (K02: "funder-conditions",
  // DEFRA's nationality rule): the duty in the outcome is that restriction applied.
  const hasRestriction = (r: string) =>
    (RESTRICTION_IDS[r] ?? [r]).some((id) => duties.has(`restriction-${id}`) || flags.has(id) || flags.has(`restriction-${id}`)) ||
    (RESTRICTION_IDS[r] === undefined && hasDuty(r));
  for (const r of e.restrictions_applied) if (!hasRestriction(r)) problems.push(`restriction ${r} not applied`);
  for (const r of e.restrictions_not_applied) if (hasRestriction(r)) problems.push(`restriction ${r} applied`);
  if (e.escalation) {
    const got = escalationOf(o);
    // "optional" is also met by no push at all; "none" is met by an offer without push.
    const fine = got === e.escalation || (e.escalation !== 'required' && got !== 'required');
    if (!fine) problems.push(`escalation ${got}, expected ${e.escalation}`);
  }
  const text = p.summary.toLowerCase();
  for (const claim of e.must_not_claim) if (text.includes(claim.toLowerCase())) problems.push(`claims "${claim}"`);
  return { ok: problems.length === 0, problems };
}

function main(): void {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const showOutcome = args.includes('--outcome');
  const showTyped = args.includes('--typed');
  const files: string[] = [];
  const only: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--set' && args[i + 1]) files.push(args[++i] as string);
    else if (args[i] === '--only' && args[i + 1]) only.push(...(args[++i] as string).split(','));
  }
  if (files.length === 0) files.push('eval/advice/dev.yaml');
  const engine = createAdvisorEngine({ today: '2026-12-01' });
  for (const file of files) {
    const scenarios = z
      .array(scenarioSchema)
      .parse(parse(readFileSync(file, 'utf8')))
      .filter((sc) => only.length === 0 || only.includes(sc.id));
    let right = 0;
    let routedRight = 0;
    const byLang: Record<string, { n: number; ok: number }> = {};
    const criteria: Record<string, number> = {};
    let typedMisses = 0;
    let questions = 0;
    for (const sc of scenarios) {
      const played = play(engine, sc);
      const v = judge(sc, played);
      if (v.ok) right++;
      if (played.reachedInOneClick) routedRight++;
      const l = byLang[sc.lang] ?? { n: 0, ok: 0 };
      byLang[sc.lang] = l;
      l.n++;
      if (v.ok) l.ok++;
      typedMisses += played.typedMisses;
      questions += played.questions;
      for (const pr of v.problems) {
        const key = pr.replace(/ ".*"| [a-z-]+, expected.*| [a-z][a-z-]+$/, '');
        criteria[key] = (criteria[key] ?? 0) + 1;
      }
      const risk = played.outcome?.risk ?? '-';
      console.log(
        `${v.ok ? 'ok  ' : 'FAIL'} ${sc.id} ${sc.lang} ${played.routed ?? 'null'}${played.reachedInOneClick ? '' : ' (misrouted)'} ${risk}${v.ok ? '' : `: ${v.problems.join('; ')}`}`,
      );
      if (verbose && !v.ok) for (const line of played.trace) console.log(`       ${line}`);
      if (showTyped) for (const line of played.typed) console.log(`       ${line}`);
      if (showOutcome && !v.ok) console.log(played.summary.replace(/^/gm, '       | '));
    }
    const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)} %`;
    console.log(
      `\n${file}: advice right ${right}/${scenarios.length} (${pct(right, scenarios.length)}); playbook reached within one click ${pct(routedRight, scenarios.length)}`,
    );
    for (const [lang, s] of Object.entries(byLang)) console.log(`  ${lang}: ${s.ok}/${s.n} (${pct(s.ok, s.n)})`);
    console.log(`  typed answers not understood: ${typedMisses}/${questions} questions`);
    for (const [k, c] of Object.entries(criteria).sort((a, b) => b[1] - a[1])) console.log(`  ${c} × ${k}`);
  }
}

main();
