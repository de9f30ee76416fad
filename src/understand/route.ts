// Scores each playbook from the cues, signals and facts found, as weighed in intents.yaml,
// and decides between starting the best one, asking a clarifying question, or nothing.
import type { PlaybookId } from '../domain/ids.js';
import type { ExtractedFacts, Understanding } from '../engine/types.js';
import { typed, type Analysis } from './analyse.js';
import type { Lexicon } from './lexicon.js';

interface Score {
  playbook: PlaybookId;
  score: number;
  reasons: string[];
}

/** Names of the fact features intents.yaml may weigh, with what in the facts sets them. */
function factFeatures(lexicon: Lexicon, a: Analysis, facts: ExtractedFacts): Map<string, string> {
  const { homeCountry, riskCountries } = lexicon.content.intents;
  const out = new Map<string, string>();
  if (facts.domains.length > 0) out.set('domain', facts.domains.join(', '));
  const foreign = facts.countries.filter((c) => c !== homeCountry);
  if (foreign.length > 0) out.set('country', foreign.join(', '));
  const named = namedCountries(a).filter((c) => c !== homeCountry);
  if (named.length > 0) out.set('namedCountry', named.join(', '));
  const risky = foreign.filter((c) => riskCountries.includes(c));
  if (risky.length > 0) out.set('riskCountry', risky.join(', '));
  const partners = facts.institutions.filter((i) => i.country !== homeCountry && i.kind !== 'funder');
  if (partners.length > 0) out.set('institution', partners.map((i) => i.name).join(', '));
  const defence = facts.institutions.filter((i) => i.kind === 'defence');
  if (defence.length > 0) out.set('defenceInstitution', defence.map((i) => i.name).join(', '));
  if (facts.partnerKind) out.set(`partner:${facts.partnerKind}`, facts.partnerKind);
  for (const f of facts.funders) out.set(`funder:${f}`, f);
  return out;
}

/** Countries the message names (a country, a city, an institution, a funder), not those a group implies. */
function namedCountries(a: Analysis): string[] {
  const out: string[] = [];
  for (const m of a.places) {
    const p = m.entry.payload;
    const code =
      p.kind === 'country' ? p.code : p.kind === 'institution' && !p.institution.group ? p.institution.country : p.kind === 'funder' ? p.funder.country : undefined;
    if (code !== undefined && !out.includes(code)) out.push(code);
  }
  return out;
}

function scorePlaybooks(lexicon: Lexicon, a: Analysis, facts: ExtractedFacts): Score[] {
  const intents = lexicon.content.intents.intents;
  const scores = new Map<PlaybookId, Score>();
  // The playbooks with routing cues, in the order of content/understand/intents.yaml.
  const ids = Object.keys(intents);
  for (const id of ids) scores.set(id, { playbook: id, score: 0, reasons: [] });

  const groupsSeen = new Set<string>();
  const engaged = new Set<PlaybookId>();
  // Cues of a playbook that only count once one of its own signals or facts was found.
  const pending = new Map<PlaybookId, Array<{ weight: number; reason: string }>>();
  for (const m of a.cues) {
    const { playbook, group, weight } = m.entry.payload;
    const key = `${playbook}#${group}`;
    if (groupsSeen.has(key)) continue;
    groupsSeen.add(key);
    const s = scores.get(playbook);
    if (!s) continue;
    if (weight > 0 && intents[playbook]?.cuesNeedSignal) {
      const list = pending.get(playbook) ?? [];
      list.push({ weight, reason: `+${weight} "${typed(a.tokens, m)}"` });
      pending.set(playbook, list);
      continue;
    }
    s.score += weight;
    if (weight > 0) engaged.add(playbook);
    s.reasons.push(`${weight > 0 ? '+' : ''}${weight} "${typed(a.tokens, m)}"`);
  }

  // Every signal, also the internal ones (military), with the words that raised it.
  const signalWords = new Map<string, string>();
  for (const m of a.signals) if (!signalWords.has(m.entry.payload)) signalWords.set(m.entry.payload, typed(a.tokens, m));
  for (const s of facts.signals) if (!signalWords.has(s)) signalWords.set(s, s);
  const features = factFeatures(lexicon, a, facts);

  for (const id of ids) {
    const intent = intents[id];
    const s = scores.get(id);
    if (!intent || !s) continue;
    let own = false;
    for (const [signal, weight] of Object.entries(intent.signals)) {
      const words = signalWords.get(signal);
      if (words === undefined || weight === 0) continue;
      s.score += weight;
      if (weight > 0) {
        engaged.add(id);
        own = true;
      }
      s.reasons.push(`${weight > 0 ? '+' : ''}${weight} ${signal} ("${words}")`);
    }
    if (intent.factsNeedCue && !engaged.has(id)) continue;
    for (const [feature, weight] of Object.entries(intent.facts)) {
      const what = features.get(feature);
      if (what === undefined || weight === 0) continue;
      s.score += weight;
      if (weight > 0) own = true;
      s.reasons.push(`${weight > 0 ? '+' : ''}${weight} ${feature} (${what})`);
    }
    if (own) {
      for (const cue of pending.get(id) ?? []) {
        s.score += cue.weight;
        s.reasons.push(cue.reason);
      }
    }
  }
  // A guideline topic in a knowledge question ("what counts as critical technology?").
  const faqTopics = lexicon.content.intents.faqTopics;
  const faq = faqTopics ? scores.get(faqTopics.playbook) : undefined;
  const topic = a.faqTopics[0];
  if (faqTopics && faq && topic && groupsSeen.has(`${faqTopics.playbook}#${faqTopics.needsGroup}`)) {
    faq.score += faqTopics.weight;
    faq.reasons.push(`+${faqTopics.weight} topic ${topic.entry.payload} ("${typed(a.tokens, topic)}")`);
  }
  // Best first; ties keep the order of intents.yaml, so the result is always the same.
  return [...scores.values()].sort((x, y) => y.score - x.score);
}

/** 0..1: how far the best playbook is ahead of the next, and how much evidence it has. */
export function confidenceOf(best: number, second: number): number {
  if (best <= 0) return 0;
  const margin = Math.max(0, best - Math.max(0, second)) / best;
  const evidence = Math.min(best, 12) / 12;
  return Math.round((0.6 * margin + 0.4 * evidence) * 100) / 100;
}

export function routeAnalysis(lexicon: Lexicon, a: Analysis, facts: ExtractedFacts): Understanding {
  const { minScore, clarifyBelow, homeCountry } = lexicon.content.intents;
  const ranked = scorePlaybooks(lexicon, a, facts);
  const [best, second] = ranked;
  const top = best?.score ?? 0;
  const confidence = confidenceOf(top, second?.score ?? 0);
  const why: string[] = [];

  const hasFacts =
    facts.countries.some((c) => c !== homeCountry) ||
    facts.domains.length > 0 ||
    facts.institutions.some((i) => i.country !== homeCountry) ||
    facts.signals.length > 0;

  let playbook: PlaybookId | null = null;
  let clarify = false;
  if (best && top >= minScore) {
    playbook = best.playbook;
    clarify = confidence < clarifyBelow;
    why.push(`${best.playbook} scored ${top}: ${best.reasons.join(', ')}`);
    if (second && second.score > 0) why.push(`next: ${second.playbook} scored ${second.score}: ${second.reasons.join(', ')}`);
  } else if (a.onlyClarifyWords || hasFacts) {
    clarify = true;
    why.push(`too little to go on (best score ${top}, needs ${minScore}): asking`);
  } else {
    why.push('no cue for any playbook: off-topic');
  }

  // Without a playbook, a stray point (a country alone) is no reason to offer a playbook.
  const floor = playbook ? 1 : minScore / 2;
  const alternatives = ranked
    .filter((s) => s.score >= floor && s.playbook !== playbook)
    .slice(0, 3)
    .map((s) => ({ playbook: s.playbook, score: s.score }));
  if (clarify && alternatives.length < 2) {
    for (const p of lexicon.content.context.clarifyDefaults) {
      if (alternatives.length >= 3) break;
      if (p !== playbook && !alternatives.some((x) => x.playbook === p)) alternatives.push({ playbook: p, score: 0 });
    }
  }

  const understanding: Understanding = {
    playbook,
    confidence: playbook ? confidence : 0,
    alternatives,
    clarify,
    facts,
    why: [...why, ...facts.why],
  };
  if (a.lang) understanding.lang = a.lang;
  return understanding;
}
