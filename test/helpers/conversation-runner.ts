// Runs one conversation test of dialogs/tests/*.yaml against an engine, the way a channel would: typed text,
// clicked buttons, a started playbook. Returns the first failure as a sentence that names the step, so that
// a content author can read it without reading TypeScript.
import type { ConversationExpect, ConversationStep, ConversationTestFile } from '../../src/content/schema/conversation-test.js';
import type { ConversationState, EngineInput, Outcome, Reply } from '../../src/engine/types.js';
import type { AdvisorEngine } from '../../src/runtime/engine.js';

export type ConversationTest = ConversationTestFile['tests'][number];

interface Run {
  state: ConversationState | null;
  last: Reply[];
  all: Reply[];
  asked: string[];
}

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

function buttonsOf(replies: Reply[]): Array<{ label: string; value: string; step?: string }> {
  return replies.flatMap((r) =>
    r.kind === 'question' ? r.choices.map((c) => ({ ...c, step: r.step })) : r.kind === 'menu' ? r.choices.map((c) => ({ ...c })) : [],
  );
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
  for (const [what, ids] of [['step', o.steps.map((x) => x.id)], ['duty', o.duties.map((x) => x.id)]] as const) {
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
  if (want.question !== undefined && currentQuestion(run) !== want.question) fail(`the question asked now is ${currentQuestion(run) ?? 'none'}, expected ${want.question}`);
  if (want.risk && !want.risk.includes(needOutcome().risk)) fail(`risk is ${needOutcome().risk}, expected ${want.risk.join(' or ')}`);
  if (want.steps) missing('outcome step', want.steps, needOutcome().steps.map((x) => x.id));
  if (want.noSteps) present('outcome step', want.noSteps, needOutcome().steps.map((x) => x.id));
  if (want.duties) missing('duty', want.duties, needOutcome().duties.map((x) => x.id));
  if (want.noDuties) present('duty', want.noDuties, needOutcome().duties.map((x) => x.id));
  if (want.measures) missing('measure', want.measures, needOutcome().measures.map((x) => x.id));
  if (want.escalation !== undefined && needOutcome().escalation !== want.escalation) fail(`escalation is ${needOutcome().escalation}, expected ${want.escalation}`);
  if (want.escalate !== undefined && needOutcome().escalate !== want.escalate) fail(`the outcome ${want.escalate ? 'does not offer' : 'offers'} to send the case to the contact point`);
  if (want.lang !== undefined && s.lang !== want.lang) fail(`the conversation is in ${s.lang}, expected ${want.lang}`);
  if (want.hits) missing('screening match on list', want.hits, [...new Set(s.screening.filter((h) => h.match).map((h) => h.list))]);
  if (want.asked) missing('asked question', want.asked, run.asked);
  if (want.notAsked) present('asked question', want.notAsked, run.asked);
  if (want.flags) missing('flag', want.flags, s.flags);
  if (want.noFlags) present('flag', want.noFlags, s.flags);
  for (const [step, a] of Object.entries(want.answers ?? {})) {
    const got = s.answers.find((x) => x.step === step);
    if (!got) fail(`no answer recorded for ${step}`);
    if (got.value !== a.value) fail(`the answer to ${step} is "${got.value}", expected "${a.value}"`);
    if (a.inferred !== undefined && got.inferred !== a.inferred) fail(`the answer to ${step} was ${got.inferred ? '' : 'not '}taken from what the user said earlier`);
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
  if (want.buttons) {
    const buttons = buttonsOf(run.last);
    const missingButtons = want.buttons.filter((b) => !buttons.some((x) => x.label === b || x.value === b));
    if (missingButtons.length) fail(`button(s) ${missingButtons.map((b) => `"${b}"`).join(', ')} missing; offered: ${buttons.map((b) => b.label).join(' | ')}`);
  }
}

function describeStep(step: ConversationStep): string {
  if ('say' in step) return `say "${step.say.length > 50 ? `${step.say.slice(0, 47)}...` : step.say}"`;
  if ('click' in step) return `click "${step.click}"`;
  if ('start' in step) return `start ${step.start}`;
  if ('lang' in step) return `lang ${step.lang}`;
  return 'expect';
}

/** Runs the test; throws a StepFailure whose message names the step (1-based) and what went wrong. */
export function runConversationTest(engine: AdvisorEngine, test: ConversationTest): void {
  let n = 0;
  const meta = () => ({ at: '2025-10-01T10:00:00.000Z', newId: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`, user: { id: 'U1', channel: 'cli' } });
  const run: Run = { state: null, last: [], all: [], asked: [] };
  const send = (input: EngineInput): Reply[] => {
    const r = engine.step(run.state, input, meta());
    run.state = r.state;
    run.last = r.replies;
    run.all.push(...r.replies);
    for (const reply of r.replies) if (reply.kind === 'question') run.asked.push(reply.step);
    for (const reply of r.replies) if (reply.kind === 'outcome') outcomeInvariants(reply.outcome);
    return r.replies;
  };
  if (test.lang) send({ type: 'set-lang', lang: test.lang });
  test.steps.forEach((step, i) => {
    try {
      const before = currentQuestion(run);
      let answered = false;
      if ('say' in step) {
        send({ type: 'text', text: step.say });
        answered = before !== undefined;
        if (step.opens !== undefined && run.state?.playbook?.id !== step.opens) {
          if (run.state?.phase !== 'clarifying') fail(`the message opened ${run.state?.playbook?.id ?? 'no playbook'} (${run.state?.phase}), expected ${step.opens}`);
          if (!(run.state.clarify ?? []).includes(step.opens)) fail(`the advisor asked which topic, without offering ${step.opens} (offered: ${(run.state.clarify ?? []).join(', ')})`);
          send({ type: 'action', value: `start:${step.opens}` });
          if (run.state?.playbook?.id !== step.opens) fail(`clicking ${step.opens} did not open it`);
          answered = false;
        }
      } else if ('click' in step) {
        const button = buttonsOf(run.last).find((b) => b.label === step.click || b.value === step.click);
        if (!button) fail(`no button "${step.click}"; offered: ${buttonsOf(run.last).map((b) => b.label).join(' | ') || 'none'}`);
        send({ type: 'action', value: button.value, ...(button.step !== undefined ? { step: button.step } : {}) });
        answered = before !== undefined;
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
