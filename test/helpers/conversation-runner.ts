// Runs one conversation test of dialogs/tests/*.yaml against an engine, the way a channel would: typed text,
// clicked buttons, a started playbook. Returns the first failure as a sentence that names the step, so that
// a content author can read it without reading TypeScript.
import type { ConversationExpect, ConversationStep, ConversationTestFile, OUTCOME_PARTS } from '../../src/content/schema/conversation-test.js';
import type { ConversationState, Effect, EngineInput, Outcome, Reply } from '../../src/engine/types.js';
import type { AdvisorEngine } from '../../src/runtime/engine.js';

export type ConversationTest = ConversationTestFile['tests'][number];
type OutcomePart = (typeof OUTCOME_PARTS)[number];

interface Run {
  state: ConversationState | null;
  last: Reply[];
  all: Reply[];
  asked: string[];
  /** What the last step sent out (escalations, answers to a contact point, "forget me"). */
  sent: Effect[];
}

/** One step as the runner takes it: the lists of steps reused through YAML anchors are laid out flat. */
type SingleStep = Exclude<ConversationStep, readonly unknown[]>;

class StepFailure extends Error {}

function replyTexts(reply: Reply): string[] {
  switch (reply.kind) {
    case 'text':
      return [reply.text];
    case 'question':
      return [reply.text, reply.help ?? '', ...reply.choices.map((c) => c.label)];
    case 'menu':
      return [reply.text, ...reply.choices.map((c) => c.label)];
    case 'case-created':
      return [reply.text];
    case 'outcome':
      return [reply.summaryMarkdown, ...outcomeTexts(reply.outcome)];
  }
}

function outcomeTexts(o: Outcome): string[] {
  return [
    o.headline,
    o.assessment,
    o.riskLabel,
    ...o.riskReasons,
    ...o.flags.map((f) => f.label),
    ...[...o.steps, ...o.measures, ...o.duties, ...o.openPoints].map((a) => a.text),
    o.riskBasis?.text ?? '',
  ];
}

/** The text of one part of the outcome, lower-case. */
function partText(o: Outcome, part: OutcomePart): string {
  const texts: Record<OutcomePart, string[]> = {
    headline: [o.headline],
    assessment: [o.assessment],
    reasons: o.riskReasons,
    flags: o.flags.map((f) => f.label),
    steps: o.steps.map((x) => x.text),
    measures: o.measures.map((x) => x.text),
    duties: o.duties.map((x) => x.text),
    openPoints: o.openPoints.map((x) => x.text),
    riskBasis: [o.riskBasis?.text ?? ''],
  };
  return texts[part].join('\n').toLowerCase();
}

function buttonsOf(replies: Reply[]): Array<{ label: string; value: string; step?: string }> {
  return replies.flatMap((r) =>
    r.kind === 'question' ? r.choices.map((c) => ({ ...c, step: r.step })) : r.kind === 'menu' ? r.choices.map((c) => ({ ...c })) : [],
  );
}

/** The button a click means: its label, its value, or (for a question's answer) the answer's value. */
function findButton(run: Run, click: string) {
  const buttons = buttonsOf(run.last);
  return buttons.find((b) => b.label === click || b.value === click) ?? buttons.find((b) => b.value === `answer:${click}`);
}

function currentQuestion(run: Run): string | undefined {
  return run.state?.phase === 'asking' ? run.state.step : undefined;
}

function fail(message: string): never {
  throw new StepFailure(message);
}

function missing(what: string, wanted: readonly string[], got: readonly string[]): void {
  const absent = wanted.filter((w) => !got.includes(w));
  if (absent.length) fail(`${what} ${absent.map((a) => `"${a}"`).join(', ')} missing; got [${got.join(', ')}]`);
}

function present(what: string, unwanted: readonly string[], got: readonly string[]): void {
  const there = unwanted.filter((w) => got.includes(w));
  if (there.length) fail(`${what} ${there.map((a) => `"${a}"`).join(', ')} should not be there; got [${got.join(', ')}]`);
}

/** What every outcome must satisfy, whatever the test expects: each step cites the guideline, no item twice. */
function outcomeInvariants(o: Outcome): void {
  for (const item of o.steps) if (item.cites.length === 0) fail(`outcome step ${item.id} cites no guideline section`);
  if (o.headline.trim() === '') fail('the outcome has no headline');
  if (!o.riskBasis || o.riskBasis.cites.length === 0) fail('the outcome does not say which rule set the risk, with its guideline section');
  for (const c of o.citations) if (!/^\/sources\/[a-z]+#[a-z0-9-]+$/.test(c.href ?? '')) fail(`the citation ${c.href} does not link to an anchor of a source`);
  const reasonTwice = o.riskReasons.filter((r, i) => o.riskReasons.indexOf(r) !== i);
  if (reasonTwice.length) fail(`the reason "${reasonTwice.join('", "')}" shows twice`);
  for (const [what, ids] of [
    ['step', o.steps.map((x) => x.id)],
    ['duty', o.duties.map((x) => x.id)],
  ] as const) {
    const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
    if (twice.length) fail(`outcome ${what} ${twice.join(', ')} shows twice (two conditions overlap)`);
  }
}

function check(run: Run, want: ConversationExpect): void {
  const s = run.state;
  if (!s) fail('nothing was said yet');
  const o = s.outcome;
  const needOutcome = (): Outcome => o ?? fail(`no outcome yet (the conversation is ${s.phase}${s.step ? ` at ${s.step}` : ''})`);
  if (want.playbook !== undefined) {
    const got = s.playbook?.id ?? o?.playbook;
    if (got !== want.playbook) fail(`playbook is ${got ?? 'none'}, expected ${want.playbook}`);
  }
  if (want.phase !== undefined && s.phase !== want.phase) fail(`phase is ${s.phase}, expected ${want.phase}`);
  if (want.question !== undefined && currentQuestion(run) !== want.question)
    fail(`the question asked now is ${currentQuestion(run) ?? 'none'}, expected ${want.question}`);
  if (want.risk && !want.risk.includes(needOutcome().risk)) fail(`risk is ${needOutcome().risk}, expected ${want.risk.join(' or ')}`);
  if (want.steps)
    missing(
      'outcome step',
      want.steps,
      needOutcome().steps.map((x) => x.id),
    );
  if (want.noSteps)
    present(
      'outcome step',
      want.noSteps,
      needOutcome().steps.map((x) => x.id),
    );
  if (want.duties)
    missing(
      'duty',
      want.duties,
      needOutcome().duties.map((x) => x.id),
    );
  if (want.noDuties)
    present(
      'duty',
      want.noDuties,
      needOutcome().duties.map((x) => x.id),
    );
  if (want.measures)
    missing(
      'measure',
      want.measures,
      needOutcome().measures.map((x) => x.id),
    );
  if (want.escalate !== undefined && needOutcome().escalate !== want.escalate)
    fail(`the outcome ${want.escalate ? 'does not offer' : 'offers'} to send the case to the contact point`);
  if (want.lang !== undefined && s.lang !== want.lang) fail(`the conversation is in ${s.lang}, expected ${want.lang}`);
  if (want.hits) missing('screening match on list', want.hits, [...new Set(s.screening.filter((h) => h.match).map((h) => h.list))]);
  if (want.asked) missing('asked question', want.asked, run.asked);
  if (want.notAsked) present('asked question', want.notAsked, run.asked);
  if (want.flags) missing('flag', want.flags, s.flags);
  if (want.noFlags) present('flag', want.noFlags, s.flags);
  if (want.outcomeFlags)
    missing(
      'outcome flag',
      want.outcomeFlags,
      needOutcome().flags.map((f) => f.id),
    );
  if (want.noOutcomeFlags)
    present(
      'outcome flag',
      want.noOutcomeFlags,
      needOutcome().flags.map((f) => f.id),
    );
  for (const [step, a] of Object.entries(want.answers ?? {})) {
    const got = s.answers.find((x) => x.step === step);
    if (!got) fail(`no answer recorded for ${step}`);
    if (got.value !== a.value) fail(`the answer to ${step} is "${got.value}", expected "${a.value}"`);
    if (a.inferred !== undefined && got.inferred !== a.inferred)
      fail(`the answer to ${step} was ${got.inferred ? '' : 'not '}taken from what the user said earlier`);
    if (a.typed !== undefined && got.typed !== a.typed) fail(`the answer to ${step} was ${got.typed ? 'typed' : 'clicked'}`);
    if (a.label !== undefined && got.label !== a.label) fail(`the answer to ${step} reads "${got.label}", expected "${a.label}"`);
  }
  for (const [fact, wanted] of Object.entries(want.facts ?? {})) {
    const got = s.facts[fact];
    const values = got === undefined ? [] : [got].flat();
    missing(`fact ${fact} value`, [wanted].flat(), values);
  }
  const text = [...run.all.flatMap(replyTexts), ...(o ? outcomeTexts(o) : [])].join('\n').toLowerCase();
  for (const t of want.texts ?? []) if (!text.includes(t.toLowerCase())) fail(`the text "${t}" was not said`);
  for (const t of want.noTexts ?? []) if (text.includes(t.toLowerCase())) fail(`the text "${t}" should not have been said`);
  const inOutcome = want.outcomeTexts || want.noOutcomeTexts ? outcomeTexts(needOutcome()).join('\n').toLowerCase() : '';
  for (const t of want.outcomeTexts ?? []) if (!inOutcome.includes(t.toLowerCase())) fail(`the outcome does not say "${t}"`);
  for (const t of want.noOutcomeTexts ?? []) if (inOutcome.includes(t.toLowerCase())) fail(`the outcome should not say "${t}"`);
  const buttons = buttonsOf(run.last);
  const offers = (b: string) => buttons.some((x) => x.label === b || x.value === b);
  const missingButtons = (want.buttons ?? []).filter((b) => !offers(b));
  if (missingButtons.length) fail(`button(s) ${missingButtons.map((b) => `"${b}"`).join(', ')} missing; offered: ${buttons.map((b) => b.label).join(' | ')}`);
  const extraButtons = (want.noButtons ?? []).filter(offers);
  if (extraButtons.length) fail(`button(s) ${extraButtons.map((b) => `"${b}"`).join(', ')} should not be offered`);
  checkOutcomeDetails(run, want, needOutcome);
  checkLastReplies(run, want);
}

/** The expectations on the outcome beyond its ids: headline, risk rule, open points, item texts, links, hits. */
function checkOutcomeDetails(run: Run, want: ConversationExpect, needOutcome: () => Outcome): void {
  if (want.escalation !== undefined) {
    const allowed = [want.escalation].flat();
    if (!allowed.includes(needOutcome().escalation)) fail(`escalation is ${needOutcome().escalation}, expected ${allowed.join(' or ')}`);
  }
  if (want.headline !== undefined) {
    const starts = [want.headline].flat();
    const headline = needOutcome().headline;
    if (!starts.some((h) => headline.startsWith(h))) fail(`the headline "${headline}" does not start with ${starts.map((h) => `"${h}"`).join(' or ')}`);
  }
  if (want.riskLabel !== undefined && needOutcome().riskLabel !== want.riskLabel)
    fail(`the risk reads "${needOutcome().riskLabel}", expected "${want.riskLabel}"`);
  if (want.riskBasis) {
    const basis = needOutcome().riskBasis;
    if (want.riskBasis.rule !== undefined && basis?.rule !== want.riskBasis.rule)
      fail(`the risk was set by rule ${basis?.rule ?? 'none'}, expected ${want.riskBasis.rule}`);
    for (const t of want.riskBasis.texts ?? [])
      if (!(basis?.text ?? '').toLowerCase().includes(t.toLowerCase())) fail(`the risk's explanation "${basis?.text ?? ''}" does not say "${t}"`);
  }
  if (want.openPoints)
    missing(
      'open point',
      want.openPoints,
      needOutcome().openPoints.map((x) => x.id),
    );
  if (want.noOpenPoints)
    present(
      'open point',
      want.noOpenPoints,
      needOutcome().openPoints.map((x) => x.id),
    );
  if (want.openPointsAtLeast !== undefined && needOutcome().openPoints.length < want.openPointsAtLeast) {
    fail(`${needOutcome().openPoints.length} open point(s), expected at least ${want.openPointsAtLeast}`);
  }
  if (want.questionsAtMost !== undefined && run.asked.length > want.questionsAtMost)
    fail(`${run.asked.length} questions were asked (${run.asked.join(', ')}), expected at most ${want.questionsAtMost}`);
  if (want.summaryTexts || want.noSummaryTexts) {
    const summary = [...run.all].reverse().find((r) => r.kind === 'outcome');
    if (summary?.kind !== 'outcome') fail('no outcome was shown');
    const text = summary.summaryMarkdown.toLowerCase();
    for (const t of want.summaryTexts ?? []) if (!text.includes(t.toLowerCase())) fail(`the outcome's summary does not say "${t}"`);
    for (const t of want.noSummaryTexts ?? []) if (text.includes(t.toLowerCase())) fail(`the outcome's summary should not say "${t}"`);
  }
  for (const [part, phrases] of Object.entries(want.textsIn ?? {}) as Array<[OutcomePart, string[]]>) {
    const text = partText(needOutcome(), part);
    for (const t of phrases) if (!text.includes(t.toLowerCase())) fail(`the outcome's ${part} do not say "${t}"`);
  }
  for (const [part, phrases] of Object.entries(want.noTextsIn ?? {}) as Array<[OutcomePart, string[]]>) {
    const text = partText(needOutcome(), part);
    for (const t of phrases) if (text.includes(t.toLowerCase())) fail(`the outcome's ${part} should not say "${t}"`);
  }
  for (const [id, says] of Object.entries(want.itemTexts ?? {})) {
    const o = needOutcome();
    const item = [...o.steps, ...o.duties, ...o.measures, ...o.openPoints].find((x) => x.id === id);
    if (!item) fail(`the outcome has no step, duty, measure or open point ${id}`);
    const text = item.text.toLowerCase();
    for (const t of says.texts ?? []) if (!text.includes(t.toLowerCase())) fail(`${id} does not say "${t}": "${item.text}"`);
    for (const t of says.noTexts ?? []) if (text.includes(t.toLowerCase())) fail(`${id} should not say "${t}": "${item.text}"`);
  }
  if (want.links) {
    const urls = needOutcome().links.map((l) => l.url);
    const absent = want.links.filter((l) => !urls.some((u) => u.includes(l)));
    if (absent.length) fail(`no link to ${absent.join(', ')}; links: ${urls.join(' ')}`);
  }
  if (want.noHits) {
    const hits = run.state?.outcome?.screening ?? run.state?.screening ?? [];
    const there = hits.filter((h) => want.noHits?.includes(h.list) || want.noHits?.includes(h.id));
    if (there.length) fail(`screening result(s) ${there.map((h) => `${h.list}/${h.id}`).join(', ')} should not be there`);
  }
}

/** The expectations on what the last step said and sent, and on the facts and screening so far. */
function checkLastReplies(run: Run, want: ConversationExpect): void {
  const s = run.state;
  for (const [fact, wanted] of Object.entries(want.factsExactly ?? {})) {
    const got = s?.facts[fact];
    if (JSON.stringify(got) !== JSON.stringify(wanted))
      fail(`fact ${fact} is ${JSON.stringify(got) ?? 'not known'}, expected exactly ${JSON.stringify(wanted)}`);
  }
  for (const fact of want.noFacts ?? []) if (s?.facts[fact] !== undefined) fail(`fact ${fact} should not be known; it is ${JSON.stringify(s.facts[fact])}`);
  if (want.screened !== undefined) {
    const names = s?.screened?.names ?? [];
    if (want.screened === false && s?.screened !== undefined) fail(`no name should have been screened; screened: ${names.join(', ')}`);
    if (want.screened !== false) missing('screened name', want.screened, names);
  }
  const said = run.last.flatMap(replyTexts).join('\n');
  for (const t of want.replyTexts ?? []) if (!said.toLowerCase().includes(t.toLowerCase())) fail(`the last reply does not say "${t}"`);
  for (const t of want.noReplyTexts ?? []) if (said.toLowerCase().includes(t.toLowerCase())) fail(`the last reply should not say "${t}"`);
  const lines = said.split('\n');
  for (const t of want.lineStarts ?? []) if (!lines.some((l) => l.startsWith(t))) fail(`no line of the last reply starts with "${t}"`);
  if (want.repeatsBack !== undefined) {
    const echo = run.last.flatMap((r) => (r.kind === 'text' && !r.text.includes('\n') && r.text.startsWith(want.repeatsBack ?? '') ? [r.text] : []));
    if (echo.length === 0) fail(`the advisor did not repeat back "${want.repeatsBack}" in one line; it said: ${said}`);
  }
  if (want.namesCase) {
    const ref = s?.cases.at(-1);
    if (ref === undefined) fail('no case was sent');
    if (!said.includes(ref)) fail(`the last reply does not name the case ${ref}`);
  }
  if (want.sent) {
    const got = run.sent.map((e) => e.type);
    if (JSON.stringify(got) !== JSON.stringify(want.sent)) fail(`the last step sent [${got.join(', ')}], expected [${want.sent.join(', ')}]`);
  }
}

function describeStep(step: SingleStep): string {
  if ('say' in step) return `say "${step.say.length > 50 ? `${step.say.slice(0, 47)}...` : step.say}"`;
  if ('click' in step) return `click "${step.click}"`;
  if ('start' in step) return `start ${step.start}`;
  if ('action' in step) return `action ${step.action}`;
  if ('lang' in step) return `lang ${step.lang}`;
  if ('answer' in step) return 'answer';
  return 'expect';
}

/** Runs the test; throws a StepFailure whose message names the step (1-based) and what went wrong. */
export function runConversationTest(engine: AdvisorEngine, test: ConversationTest): void {
  let n = 0;
  const meta = () => ({
    at: '2025-10-01T10:00:00.000Z',
    newId: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    user: { id: 'U1', channel: 'cli' },
  });
  const run: Run = { state: null, last: [], all: [], asked: [], sent: [] };
  const send = (input: EngineInput): Reply[] => {
    const r = engine.step(run.state, input, meta());
    run.state = r.state;
    run.last = r.replies;
    run.sent.push(...r.effects);
    run.all.push(...r.replies);
    for (const reply of r.replies) if (reply.kind === 'question') run.asked.push(reply.step);
    for (const reply of r.replies) if (reply.kind === 'outcome') outcomeInvariants(reply.outcome);
    return r.replies;
  };
  const click = (label: string): void => {
    const button = findButton(run, label);
    if (!button)
      fail(
        `no button "${label}"; offered: ${
          buttonsOf(run.last)
            .map((b) => b.label)
            .join(' | ') || 'none'
        }`,
      );
    send({ type: 'action', value: button.value, ...(button.step !== undefined ? { step: button.step } : {}) });
  };
  /** Gives the answer for each question as it comes, until none is open; a question without an answer fails. */
  const answerQuestions = (answers: Record<string, string | { click: string }>): void => {
    for (let guard = 0; guard < 40; guard++) {
      const question = currentQuestion(run);
      if (question === undefined) return;
      const answer = answers[question];
      if (answer === undefined) fail(`the question ${question} has no answer here (asked so far: ${run.asked.join(', ')})`);
      if (typeof answer === 'string') send({ type: 'text', text: answer });
      else click(answer.click);
      if (currentQuestion(run) === question)
        fail(`"${typeof answer === 'string' ? answer : answer.click}" did not answer ${question}: the same question came back`);
    }
    fail('more than 40 questions');
  };
  if (test.lang) send({ type: 'set-lang', lang: test.lang });
  const steps: SingleStep[] = test.steps.flat();
  steps.forEach((step, i) => {
    // An expect step reads what the step before it sent.
    if (!('expect' in step)) run.sent = [];
    try {
      const before = currentQuestion(run);
      let answered = false;
      if ('say' in step) {
        send({ type: 'text', text: step.say });
        answered = before !== undefined;
        if (step.opens !== undefined && run.state?.playbook?.id !== step.opens) {
          if (run.state?.phase !== 'clarifying')
            fail(`the message opened ${run.state?.playbook?.id ?? 'no playbook'} (${run.state?.phase}), expected ${step.opens}`);
          if (!(run.state.clarify ?? []).includes(step.opens))
            fail(`the advisor asked which topic, without offering ${step.opens} (offered: ${(run.state.clarify ?? []).join(', ')})`);
          send({ type: 'action', value: `start:${step.opens}` });
          if (run.state?.playbook?.id !== step.opens) fail(`clicking ${step.opens} did not open it`);
          answered = false;
        }
        if (step.orStart !== undefined && run.state?.playbook?.id !== step.orStart) {
          // From a menu the user clicks a topic; inside another playbook they switch, which keeps what they said.
          const how = run.state?.phase === 'asking' && run.state.playbook ? 'switch' : 'start';
          send({ type: 'action', value: `${how}:${step.orStart}` });
          if (run.state?.playbook?.id !== step.orStart) fail(`starting ${step.orStart} did not open it`);
          answered = false;
        }
      } else if ('click' in step) {
        click(step.click);
        answered = before !== undefined;
      } else if ('answer' in step) {
        answerQuestions(Object.assign({}, ...[step.answer].flat()));
      } else if ('action' in step) {
        send({ type: 'action', value: step.action, ...(step.step !== undefined ? { step: step.step } : {}) });
      } else if ('start' in step) {
        send({ type: 'start', playbook: step.start });
      } else if ('lang' in step) {
        send({ type: 'set-lang', lang: step.lang });
      } else {
        check(run, step.expect);
      }
      const reask = 'reask' in step && step.reask === true;
      if (answered && !reask && before !== undefined && currentQuestion(run) === before) {
        fail(`the answer did not answer ${before}: the same question came back`);
      }
    } catch (err) {
      if (err instanceof StepFailure) throw new StepFailure(`step ${i + 1} (${describeStep(step)}): ${err.message}`);
      throw err;
    }
  });
}
