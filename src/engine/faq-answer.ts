// Answers a knowledge question from content/faq.yaml, with its source, and offers related questions.
import { pick } from '../domain/lang.js';
import { cite } from './citations.js';
import { bestFaq, rankFaq } from './faq.js';
import type { Turn } from './turn.js';
import type { FaqEntry } from '../content/types.js';

export function answerFaqEntry(turn: Turn, entry: FaqEntry, related: FaqEntry[]): void {
  const s = turn.state;
  const lang = s.lang;
  const cites = cite(entry.cites, turn.ctx.content, lang);
  const source = cites.map((c) => `${c.title} (${c.source})`).join('; ');
  turn.say(`${pick(entry.question, lang)}\n\n${pick(entry.answer, lang)}${source ? `\n\n${turn.t('faq-source')}: ${source}` : ''}`);
  const knowledge = turn.ctx.content.playbooks.get(turn.ctx.content.knowledgePlaybook);
  s.outcome = {
    playbook: turn.ctx.content.knowledgePlaybook,
    playbookTitle: knowledge ? pick(knowledge.title, lang) : 'FAQ',
    risk: 'low',
    riskLabel: turn.t('risk-low'),
    headline: pick(entry.question, lang),
    assessment: pick(entry.answer, lang),
    riskReasons: [],
    flags: [],
    screening: [],
    steps: [{ id: entry.id, text: pick(entry.answer, lang), cites }],
    measures: [],
    duties: [],
    openPoints: [],
    links: [],
    escalate: false,
    escalation: 'none',
    citations: cites,
  };
  s.phase = 'idle';
  const choices = related.slice(0, 3).map((r) => ({ label: pick(r.question, lang), value: `faq:${r.id}` }));
  turn.menu(turn.t('faq-related'), [...choices, { label: turn.t('new-question'), value: 'menu' }]);
}

export function answerFaq(turn: Turn, question: string): void {
  const faq = turn.ctx.content.reference.faq;
  const ranked = rankFaq(question, faq);
  const best = bestFaq(question, faq);
  if (best) {
    answerFaqEntry(
      turn,
      best.entry,
      ranked.filter((r) => r.entry.id !== best.entry.id).map((r) => r.entry),
    );
    return;
  }
  const lang = turn.state.lang;
  const suggestions = (ranked.length ? ranked.map((r) => r.entry) : faq).slice(0, 4);
  turn.state.phase = 'idle';
  turn.menu(turn.t('faq-unknown'), [
    ...suggestions.map((e) => ({ label: pick(e.question, lang), value: `faq:${e.id}` })),
    { label: turn.t('something-else'), value: 'menu' },
  ]);
}
