// Over every path through every playbook, in both languages: "on a list" only for a real list hit, and a
// low risk never requires the contact point (issue 17).
import { describe, expect, it } from 'vitest';
import type { Outcome, Reply } from '../../src/engine/types.js';
import { loadContent } from '../../src/content/load.js';
import { enumeratePaths } from '../helpers/paths.js';

const PLAYBOOKS = [...loadContent().playbooks.keys()].filter((p) => p !== 'faq');

function outcomeText(o: Outcome): string {
  return [
    o.headline,
    o.assessment,
    ...o.riskReasons,
    ...o.flags.map((f) => f.label),
    ...o.steps.map((s) => s.text),
    ...o.duties.map((d) => d.text),
    ...o.openPoints.map((p) => p.text),
  ]
    .join('\n')
    .toLowerCase();
}

const LIST_WORDS = { en: ['on a list', 'appears on a list'], nl: ['op een lijst', 'staat op een lijst'] } as const;

describe('every path: list words only for list hits, no push at low risk', () => {
  for (const lang of ['en', 'nl'] as const) {
    for (const id of PLAYBOOKS) {
      it(`${id} (${lang})`, () => {
        const ends = enumeratePaths(id, lang);
        for (const end of ends) {
          const reply = end.replies.find((r): r is Extract<Reply, { kind: 'outcome' }> => r.kind === 'outcome');
          if (!reply) continue;
          const o = reply.outcome;
          const where = end.path.join(' > ');
          // A real hit: the screener found the name, or the researcher said it is on a sanctions list.
          const realHit = o.screening.some((h) => h.match) || o.flags.some((f) => f.id === 'sanctions-hit');
          if (!realHit) for (const w of LIST_WORDS[lang]) expect(outcomeText(o), `${where}: says "${w}" without a list hit`).not.toContain(w);
          if (o.risk === 'low') expect(o.escalation, `${where}: low risk requires the contact point`).not.toBe('required');
          expect(o.escalate).toBe(o.escalation !== 'none');
          expect(o.headline.length, `${where}: no headline`).toBeGreaterThan(0);
          expect(o.riskBasis, `${where}: no rule for the risk`).toBeDefined();
          // "Not sure" is an open point, never a reason for the risk.
          expect(
            o.flags.some((f) => f.id.startsWith('unsure-')),
            `${where}: an unsure flag counts`,
          ).toBe(false);
          // No internal restriction ids in what the researcher reads.
          expect(outcomeText(o), `${where}: internal id`).not.toMatch(/iran-institutional|russia-rectors-statement|fwo-russia-belarus|horizon-huawei-zte/);
        }
      }, 300_000);
    }
  }
});
