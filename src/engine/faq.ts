// Finds the FAQ entries (content/faq.yaml) that answer a knowledge question.
import { allTexts, allWords } from '../domain/lang.js';
import type { FaqEntry } from '../content/types.js';
import { containsPhrase, normalize, tokens } from './text.js';

export interface FaqMatch {
  entry: FaqEntry;
  score: number;
}

/** Short words carry little meaning in either language; longer ones are compared. */
function contentWords(text: string): Set<string> {
  return new Set(tokens(text).filter((w) => w.length >= 4));
}

export function rankFaq(question: string, faq: readonly FaqEntry[]): FaqMatch[] {
  const text = normalize(question);
  const words = contentWords(question);
  const ranked: FaqMatch[] = [];
  for (const entry of faq) {
    let score = 0;
    for (const keyword of allWords(entry.keywords)) {
      const k = normalize(keyword);
      if (k !== '' && containsPhrase(text, k)) score += 1 + k.split(' ').length;
    }
    for (const q of allTexts(entry.question)) {
      const shared = [...contentWords(q)].filter((w) => words.has(w)).length;
      score += shared * 0.75;
      if (normalize(q) === text) score += 10;
    }
    if (score > 0) ranked.push({ entry, score });
  }
  return ranked.sort((a, b) => b.score - a.score || a.entry.id.localeCompare(b.entry.id));
}

/** The best entry when it clearly answers the question. */
export function bestFaq(question: string, faq: readonly FaqEntry[]): FaqMatch | undefined {
  const [best] = rankFaq(question, faq);
  return best && best.score >= 2.5 ? best : undefined;
}
