// Walks every distinct route through a playbook graph with the real engine (used by engine and card tests).
import type { Playbook } from '../../src/content/schema/playbook.js';
import type { PlaybookId } from '../../src/engine/ids.js';
import type { ConversationState, EngineInput, Lang, Reply } from '../../src/engine/types.js';
import { meta, testEngine } from './engine.js';

const MAX_PATHS = 20_000;

export interface PathEnd {
  path: string[];
  replies: Reply[];
  state: ConversationState;
}

/** What routing conditions (a step's `when`, a branching `next`) test: only these change which steps follow. */
function routingTests(pb: Playbook): { facts: Set<string>; flags: Set<string> } {
  const routing = Object.values(pb.steps).flatMap((st) =>
    st.type === 'question' || st.type === 'check' ? [st.when, ...(Array.isArray(st.next) ? st.next.map((b) => b.when) : [])] : [],
  );
  const facts = new Set<string>();
  const flags = new Set<string>();
  // A condition's alternatives (`any`) route too.
  const all = routing.flatMap((c) => (c ? [c, ...(c.any ?? [])] : []));
  for (const c of all) {
    if (!c) continue;
    for (const f of [...(c.flags ?? []), ...(c.anyFlags ?? []), ...(c.notFlags ?? [])]) flags.add(f);
    for (const [k, v] of [...Object.entries(c.facts ?? {}), ...Object.entries(c.notFacts ?? {})])
      for (const x of Array.isArray(v) ? v : [v]) facts.add(`${k}=${x}`);
    for (const k of c.known ?? []) facts.add(`${k}=*`);
  }
  // The relevance check raises a flag from technology areas (rules.yaml `relevance`: Article 22(5)'s quantum, space,
  // materials) when a question here tests that flag: those areas route as one group. Its other facts are tested
  // by the questions already; adding them again would only multiply the paths.
  for (const r of testEngine().content.rules.relevance) {
    if (!flags.has(r.flag)) continue;
    for (const c of [r.when, ...(r.when.any ?? [])]) for (const d of asValues(c.facts?.domains)) facts.add(`domains=${d}`);
  }
  // The restrictions check raises a flag from the partner's country (content/restrictions.yaml).
  for (const r of testEngine().content.reference.restrictions) for (const c of r.countries) facts.add(`countries=${c}`);
  return { facts, flags };
}

function asValues(v: string | string[] | undefined): string[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** One button per group of equivalent edges: same flags, same next step, value not tested by a condition. */
function representativeChoices(pb: Playbook, question: Extract<Reply, { kind: 'question' }>, tested: Set<string>) {
  const step = pb.steps[question.step];
  const groups = new Map<string, { value: string; label: string }>();
  for (const c of question.choices) {
    const value = c.value.replace(/^answer:/, '');
    let key = value;
    if (step?.type === 'question') {
      const answer = step.answers.find((a) => a.value === value);
      if (step.input === 'domain' && value !== 'none' && value !== 'unsure')
        key = tested.has(`domains=${value}`) ? 'tested-area' : 'some-area'; // areas a condition names route as one group
      else if (answer && !tested.has(`${step.fact}=${value}`)) key = `${[...answer.flags].sort().join(',')}>${answer.next ?? ''}`;
    }
    if (!groups.has(key)) groups.set(key, { value: c.value, label: c.label });
  }
  return [...groups.values()];
}

/** Every distinct route; `seen` receives every reply produced on the way. */
export function enumeratePaths(playbook: PlaybookId, lang: Lang = 'en', seen?: (r: Reply) => void): PathEnd[] {
  const engine = testEngine();
  const pb = engine.content.playbooks.get(playbook);
  if (!pb) throw new Error(`no playbook ${playbook}`);
  const routing = routingTests(pb);
  const tested = routing.facts;
  const ends: PathEnd[] = [];
  const visited = new Set<string>();
  const walk = (state: ConversationState | null, replies: Reply[], path: string[]): void => {
    if (seen) replies.forEach(seen);
    if (ends.length >= MAX_PATHS) throw new Error(`${playbook}: more than ${MAX_PATHS} paths`);
    const question = replies.find((r): r is Extract<Reply, { kind: 'question' }> => r.kind === 'question');
    if (!question || !state) {
      ends.push({ path, replies, state: state as ConversationState });
      return;
    }
    // The future depends on the step, the raised flags and the fact values conditions test: one walk each.
    const testedFacts = Object.entries(state.facts)
      .flatMap(([k, v]) => [`${k}=*`, ...(Array.isArray(v) ? v : [v]).map((x) => `${k}=${x}`)])
      .filter((pair) => tested.has(pair))
      .sort();
    const testedFlags = state.flags.filter((f) => routing.flags.has(f)).sort();
    const signature = JSON.stringify([question.step, testedFlags, testedFacts]);
    if (visited.has(signature)) return;
    visited.add(signature);
    const inputs: EngineInput[] = representativeChoices(pb, question, tested).map((c) => ({ type: 'action', value: c.value, step: question.step }));
    // Partner names and countries are typed: a listed name and an unlisted one; a higher-risk country and another.
    if (question.form) inputs.push({ type: 'text', text: 'Harbin Institute of Technology' }, { type: 'text', text: 'Universidade de Lisboa' });
    else if (question.typeHint && question.choices.length === 1 && pb.steps[question.step]?.type === 'question') {
      const step = pb.steps[question.step];
      if (step?.type === 'question' && step.input === 'country') inputs.push({ type: 'text', text: 'Russia' }, { type: 'text', text: 'Portugal' });
      else if (step?.type === 'question') inputs.push({ type: 'text', text: 'Something I typed' });
    }
    for (const input of inputs) {
      const result = engine.step(state, input, meta());
      walk(result.state, result.replies, [
        ...path,
        `${question.step}=${input.type === 'text' ? input.text : input.type === 'action' ? input.value : input.type}`,
      ]);
    }
  };
  const langSet = engine.step(null, { type: 'set-lang', lang }, meta());
  const start = engine.step(langSet.state, { type: 'start', playbook }, meta());
  walk(start.state, start.replies, []);
  return ends;
}
