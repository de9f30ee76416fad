// Decides between starting a playbook, asking a clarifying question, or saying it cannot help,
// from the calibrated probabilities of the learned model (model.ts). The keyword evidence
// (cues, signals, facts) is part of the model's input and is what `why` explains.
import type { PlaybookId } from '../domain/ids.js';
import type { ExtractedFacts, Understanding } from '../engine/types.js';
import { typed, type Analysis } from './analyse.js';
import { logits, softmax } from './classifier.js';
import { evidenceFeatures, featurize, hash } from './features.js';
import type { Lexicon } from './lexicon.js';
import type { RouterModel } from './model.js';

const MASK = (1 << 18) - 1;

/** The words behind each evidence feature, for the why list. */
function evidenceWords(a: Analysis): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of a.cues) {
    const k = `cue:${m.entry.payload.playbook}#${m.entry.payload.group}`;
    if (!out.has(k)) out.set(k, `"${typed(a.tokens, m)}"`);
  }
  for (const m of a.signals) {
    const k = `signal:${m.entry.payload}`;
    if (!out.has(k)) out.set(k, `"${typed(a.tokens, m)}"`);
  }
  return out;
}

/** The evidence that counted most for one class, strongest first: "+1.3 signal:visiting ("gastonderzoeker")". */
function explain(lexicon: Lexicon, model: RouterModel, a: Analysis, facts: ExtractedFacts, cls: number): string[] {
  const K = model.linear.classes;
  const words = evidenceWords(a);
  const scored = evidenceFeatures(lexicon, a, facts)
    .filter((e) => !e.startsWith('length:'))
    .map((e) => ({ e, w: model.linear.weights[(hash(`e:${e}`) & MASK) * K + cls] ?? 0 }))
    .filter((x) => Math.abs(x.w) >= 0.05)
    .sort((x, y) => Math.abs(y.w) - Math.abs(x.w))
    .slice(0, 6);
  return scored.map(({ e, w }) => `${w > 0 ? '+' : ''}${w.toFixed(1)} ${e}${words.has(e) ? ` (${words.get(e)})` : ''}`);
}

/** Something concrete to go on: a situation (signal), a technology, a country, an organisation, a funder, a guideline topic. */
function concrete(a: Analysis, facts: ExtractedFacts): boolean {
  return (
    a.signals.length > 0 ||
    facts.signals.length > 0 ||
    facts.domains.length > 0 ||
    facts.countries.length > 0 ||
    facts.institutions.length > 0 ||
    facts.funders.length > 0 ||
    a.faqTopics.length > 0
  );
}

function name(model: RouterModel, cls: number): string {
  return model.classes[cls] ?? 'off-topic';
}

export function routeAnalysis(lexicon: Lexicon, model: RouterModel, a: Analysis, facts: ExtractedFacts): Understanding {
  const { startAbove, offTopicAbove, alternativeAbove } = lexicon.content.router;
  const OFF_TOPIC = model.classes.length - 1;
  const p = softmax(logits(model.linear, featurize(lexicon, a, facts)), model.temperature);
  const ranked = p.map((prob, cls) => ({ cls, prob })).sort((x, y) => y.prob - x.prob || x.cls - y.cls);
  const best = ranked[0] ?? { cls: OFF_TOPIC, prob: 1 };
  const playbooksRanked = ranked.filter((r) => r.cls !== OFF_TOPIC);
  const why: string[] = [];
  const round = (x: number): number => Math.round(x * 100) / 100;

  let playbook: PlaybookId | null = null;
  let clarify = false;
  let confidence = round(best.prob);
  // A word or two with no cue, signal or technology ("china") says too little to pick a playbook.
  const bare = a.tokens.length <= 2 && a.cues.length === 0 && a.signals.length === 0 && facts.domains.length === 0;
  const somePoint = facts.countries.length > 0 || facts.institutions.length > 0 || facts.funders.length > 0;
  if (a.onlyClarifyWords) {
    clarify = true;
    why.push('only a greeting or "help": asking');
  } else if (bare && somePoint) {
    clarify = true;
    why.push('a name alone says too little: asking');
  } else if (best.cls === OFF_TOPIC) {
    if (best.prob >= offTopicAbove) why.push(`off-topic (p ${best.prob.toFixed(2)})`);
    else {
      clarify = true;
      why.push(`probably off-topic (p ${best.prob.toFixed(2)} < ${offTopicAbove}): asking`);
    }
  } else {
    playbook = model.classes[best.cls] ?? null;
    // A short message with no concrete situation, technology, place or organisation ("something
    // about partners maybe") is vague whatever the model says: it asks.
    const thin = a.tokens.length <= lexicon.content.router.vagueBelowWords && !concrete(a, facts);
    clarify = thin || best.prob < startAbove;
    why.push(`${name(model, best.cls)} (p ${best.prob.toFixed(2)}${thin ? ': vague, asking' : clarify ? ` < ${startAbove}: asking` : ''})`);
  }
  const evidence = explain(lexicon, model, a, facts, best.cls);
  if (evidence.length > 0) why.push(`evidence: ${evidence.join(', ')}`);

  // The runner-ups, best first: the clarifying menu, and what else a question could mean when the
  // user says "this is not about X". Off-topic said without asking offers nothing.
  let alternatives: Understanding['alternatives'] = [];
  if (playbook !== null || clarify) {
    alternatives = playbooksRanked
      .filter((r) => r.cls !== best.cls && (clarify || r.prob >= alternativeAbove))
      .slice(0, 3)
      .map((r) => ({ playbook: model.classes[r.cls] as PlaybookId, score: round(r.prob) }));
    const next = alternatives[0];
    if (next) why.push(`next: ${next.playbook} (p ${next.score.toFixed(2)})`);
  }
  if (a.onlyClarifyWords) {
    alternatives = lexicon.content.context.clarifyDefaults.map((id) => ({ playbook: id, score: 0 }));
    confidence = 0;
  }

  const understanding: Understanding = { playbook, confidence, alternatives, clarify, facts, why: [...why, ...facts.why] };
  if (a.lang) understanding.lang = a.lang;
  return understanding;
}
