// Every path through every playbook graph, driven through the real engine: every distinct route of steps
// (as the routing conditions see the flags and facts), with every kind of answer: clicked, typed, not sure.
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.js';

const shipped = loadContent();
const PLAYBOOK_IDS = shipped.playbookOrder;
import type { Reply } from '../../src/engine/types.js';
import { testEngine } from '../helpers/engine.js';
import { enumeratePaths } from '../helpers/paths.js';

describe('every path through every playbook', () => {
  for (const id of PLAYBOOK_IDS.filter((p) => p !== shipped.knowledgePlaybook)) {
    it(`${id}: every path ends in an outcome with cited steps`, () => {
      const ends = enumeratePaths(id);
      expect(ends.length).toBeGreaterThan(1);
      for (const end of ends) {
        const outcome = end.replies.find((r): r is Extract<Reply, { kind: 'outcome' }> => r.kind === 'outcome');
        expect(outcome, `path ${end.path.join(' > ')} ends without an outcome`).toBeDefined();
        if (!outcome) continue;
        expect(outcome.outcome.playbook).toBe(id);
        expect(outcome.outcome.steps.length).toBeGreaterThan(0);
        for (const s of outcome.outcome.steps) expect(s.cites.length, `step ${s.id} cites nothing`).toBeGreaterThan(0);
        expect(outcome.summaryMarkdown).toContain(outcome.outcome.riskLabel);
        // After the outcome the researcher is always offered the contact point.
        const offer = end.replies.find((r) => r.kind === 'menu');
        expect(offer && 'choices' in offer ? offer.choices.map((c) => c.value) : []).toContain('escalate:yes');
        expect(end.state.phase).toBe('outcome');
      }
      // Every question of the playbook is on some path.
      const asked = new Set(ends.flatMap((e) => e.path.map((p) => p.split('=')[0])));
      const pb = testEngine().content.playbooks.get(id);
      const questions = Object.entries(pb?.steps ?? {})
        .filter(([, st]) => st.type === 'question')
        .map(([k]) => k);
      const unasked = questions.filter((q) => !asked.has(q));
      expect(unasked, 'questions no path asks').toEqual([]);
    }, 120_000);
  }
});
