// The contact point's view of an institution: the specialised addresses by topic, as the guideline names them.
// (The conversations on content/rules.yaml and content/restrictions.yaml are in dialogs/tests/advice-*.yaml.)
import { describe, expect, it } from 'vitest';
import { contactPointView } from '../../src/engine/outcome.js';
import { createAdvisorEngine } from '../../src/runtime/engine.js';

describe('the contact points as the guideline names them', () => {
  it('KU Leuven\'s ecdmm@ is shown as the ethics of dual use and misuse, not as "Dual use"', () => {
    const engine = createAdvisorEngine({ today: '2025-10-01' });
    const view = contactPointView(engine.content, 'kuleuven', ['export-control', 'dual-use', 'ethics']);
    expect(view?.specialised).toEqual([
      { topic: 'export-control', email: 'lrd.export@kuleuven.be' },
      { topic: 'ethics', email: 'ecdmm@kuleuven.be' },
    ]);
    expect(engine.content.ui['engine.contact-topic-ethics']?.en).toContain('dual use and misuse');
  });
});
