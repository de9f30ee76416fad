// Matches what a user typed to the answers of the current question.
import type { Content } from '../content/load.js';
import type { QuestionStep } from '../content/schema/playbook.js';
import type { Lang } from './ids.js';
import { containsPhrase, normalize, roughlyEquals } from './text.js';

export type TypedAnswer = { kind: 'answer'; value: string } | { kind: 'unsure' } | { kind: 'none' };

function phrasesOf(list: { en: string[]; nl: string[] } | undefined): string[] {
  return list ? [...list.en, ...list.nl].map(normalize) : [];
}

/** True when the text says exactly this (allowing a typo), or opens with it ("yes, it is"). */
function says(text: string, phrase: string): boolean {
  if (phrase === '') return false;
  if (roughlyEquals(text, phrase)) return true;
  return text.startsWith(`${phrase} `) && phrase.split(' ').length >= 1 && text.split(' ').length <= phrase.split(' ').length + 6;
}

export function isUnsure(text: string, content: Content): boolean {
  const n = normalize(text);
  return phrasesOf(content.lexicon.unsure).some((p) => says(n, p) || (p.split(' ').length >= 2 && containsPhrase(n, p)));
}

export function saysYes(text: string, content: Content): boolean {
  const n = normalize(text);
  return phrasesOf(content.lexicon.yes).some((p) => says(n, p));
}

export function saysNo(text: string, content: Content): boolean {
  const n = normalize(text);
  return phrasesOf(content.lexicon.no).some((p) => says(n, p));
}

export function matchChoice(step: QuestionStep, text: string, content: Content, lang: Lang): TypedAnswer {
  const n = normalize(text);
  if (n === '') return { kind: 'none' };
  // "2" picks the second button.
  if (/^\d{1,2}$/.test(n)) {
    const index = Number(n) - 1;
    const byIndex = step.answers[index];
    if (byIndex) return { kind: 'answer', value: byIndex.value };
    if (index === step.answers.length) return { kind: 'unsure' };
  }
  if (isUnsure(text, content)) return { kind: 'unsure' };
  const scored: Array<{ value: string; score: number }> = [];
  for (const a of step.answers) {
    const phrases = [normalize(a.label.en), normalize(a.label.nl), normalize(a.value.replace(/-/g, ' ')), ...phrasesOf(a.synonyms)];
    let score = 0;
    for (const p of phrases) {
      if (p === '') continue;
      if (roughlyEquals(n, p)) score = Math.max(score, 3);
      else if (containsPhrase(n, p)) score = Math.max(score, 2 + p.length / 100);
      else if (p.length >= 4 && containsPhrase(p, n) && n.length >= 3) score = Math.max(score, 1);
    }
    if (step.input === 'yesno' || a.value === 'yes' || a.value === 'no') {
      if (a.value === 'yes' && saysYes(text, content)) score = Math.max(score, 2.5);
      if (a.value === 'no' && saysNo(text, content)) score = Math.max(score, 2.5);
    }
    if (score > 0) scored.push({ value: a.value, score });
  }
  scored.sort((x, y) => y.score - x.score);
  const [best, second] = scored;
  if (!best) return { kind: 'none' };
  // Two answers equally plausible: ask again rather than guess.
  if (second && second.score === best.score) return { kind: 'none' };
  void lang;
  return { kind: 'answer', value: best.value };
}

/** Finds a contact point by what people call it ("KU Leuven", "kul", "ugent"). */
export function matchInstitution(text: string, content: Content): string | undefined {
  const n = normalize(text);
  let best: { id: string; length: number } | undefined;
  for (const cp of content.reference.contactPoints) {
    for (const alias of [cp.name, cp.short, cp.id, ...cp.aliases]) {
      const a = normalize(alias);
      if (a !== '' && (containsPhrase(n, a) || roughlyEquals(n, a)) && (!best || a.length > best.length)) best = { id: cp.id, length: a.length };
    }
  }
  return best?.id;
}
