// Walks every distinct route through a playbook with the real engine, for `advisor content review`
// (one row per distinct outcome):
// each button of each question (one area for the domain question; a listed and an unlisted name; a listed
// and an EU country), merging routes that reach the same question with the same flags and facts.
import type { Condition, Playbook } from '../../content/schema/playbook.js';
import type { AdvisorEngine } from '../../runtime/engine.js';
import type { ConversationState, EngineInput, Lang, Outcome, PlaybookId, Reply } from '../../engine/types.js';

const MAX_ENDS = 3000;

export interface ReviewedPath {
  /** "question: answer" pairs in the order asked. */
  answers: Array<{ question: string; answer: string }>;
  outcome: Outcome;
}

/** What the routing conditions test (a step's `when`, a branching `next`): only these change which steps follow. */
function routingTests(pb: Playbook): { facts: Set<string>; flags: Set<string> } {
  const conditions: Condition[] = Object.values(pb.steps).flatMap((st) =>
    st.type === 'question' || st.type === 'check'
      ? [st.when, ...(Array.isArray(st.next) ? st.next.map((b) => b.when) : [])].filter((c): c is Condition => c !== undefined)
      : [],
  );
  const facts = new Set<string>();
  const flags = new Set<string>();
  for (const c of conditions.flatMap((x) => [x, ...(x.any ?? [])])) {
    for (const f of [...(c.flags ?? []), ...(c.anyFlags ?? []), ...(c.notFlags ?? [])]) flags.add(f);
    for (const [k, v] of [...Object.entries(c.facts ?? {}), ...Object.entries(c.notFacts ?? {})])
      for (const x of Array.isArray(v) ? v : [v]) facts.add(`${k}=${x}`);
    for (const k of c.known ?? []) facts.add(`${k}=*`);
  }
  return { facts, flags };
}

function inputsFor(engine: AdvisorEngine, playbook: PlaybookId, q: Extract<Reply, { kind: 'question' }>): Array<{ input: EngineInput; label: string }> {
  const step = engine.content.playbooks.get(playbook)?.steps[q.step];
  if (step?.type !== 'question') return [];
  const typed = (text: string) => ({ input: { type: 'text', text } as EngineInput, label: text });
  const clickOf = (c: { label: string; value: string }) => ({ input: { type: 'action', value: c.value, step: q.step } as EngineInput, label: c.label });
  switch (step.input) {
    case 'partner':
    case 'text':
      return [typed('Harbin Institute of Technology'), typed('Universidade de Lisboa')];
    case 'country':
      return [typed('China'), typed('Germany')];
    case 'domain':
      return q.choices.filter((c) => ['answer:ai', 'answer:none', 'answer:unsure'].includes(c.value)).map(clickOf);
    default: {
      // One button per group of answers that raise the same flags and lead to the same step, unless a condition tests the value.
      const tested = routingTests(engine.content.playbooks.get(playbook) as Playbook).facts;
      const groups = new Map<string, { input: EngineInput; label: string }>();
      for (const c of q.choices) {
        const value = c.value.replace(/^answer:/, '');
        const a = step.answers.find((x) => x.value === value);
        const key = a && !tested.has(`${step.fact}=${value}`) ? `${[...a.flags].sort().join(',')}>${a.next ?? ''}` : value;
        if (!groups.has(key)) groups.set(key, clickOf(c));
      }
      return [...groups.values()];
    }
  }
}

export function reviewPaths(engine: AdvisorEngine, playbook: PlaybookId, lang: Lang): ReviewedPath[] {
  const ends: ReviewedPath[] = [];
  const seen = new Set<string>();
  const outcomes = new Set<string>();
  let n = 0;
  const meta = () => ({ at: '2026-01-01T00:00:00.000Z', newId: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}` });
  const walk = (state: ConversationState, replies: Reply[], answers: ReviewedPath['answers']): void => {
    if (ends.length >= MAX_ENDS) return;
    const outcome = replies.find((r): r is Extract<Reply, { kind: 'outcome' }> => r.kind === 'outcome');
    if (outcome) {
      // One row per distinct outcome: the first route that reaches it.
      const o = outcome.outcome;
      const key = JSON.stringify([
        o.risk,
        o.riskBasis?.rule,
        o.headline,
        o.escalation,
        o.duties.map((d) => d.id),
        o.steps.map((x) => x.id),
        o.openPoints.map((x) => x.id),
      ]);
      if (!outcomes.has(key)) {
        outcomes.add(key);
        ends.push({ answers, outcome: o });
      }
      return;
    }
    const q = replies.find((r): r is Extract<Reply, { kind: 'question' }> => r.kind === 'question');
    if (!q) return;
    const pb = engine.content.playbooks.get(playbook) as Playbook;
    const routing = routingTests(pb);
    const facts = Object.entries(state.facts)
      .flatMap(([k, v]) => [`${k}=*`, ...(Array.isArray(v) ? v : [v]).map((x) => `${k}=${x}`)])
      .filter((pair) => routing.facts.has(pair))
      .sort();
    const signature = JSON.stringify([q.step, state.flags.filter((f) => routing.flags.has(f)).sort(), facts]);
    if (seen.has(signature)) return;
    seen.add(signature);
    for (const { input, label } of inputsFor(engine, playbook, q)) {
      const r = engine.step(state, input, meta());
      walk(r.state, r.replies, [...answers, { question: q.text, answer: label }]);
    }
  };
  const start = engine.step(null, { type: 'set-lang', lang }, meta());
  const first = engine.step(start.state, { type: 'start', playbook }, meta());
  walk(first.state, first.replies, []);
  return ends;
}
