// Whatever people send, the engine never throws and always leaves a valid state.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.js';

const PLAYBOOK_IDS = loadContent().playbookOrder;
import { parseState } from '../../src/engine/state.js';
import type { EngineInput, Reply } from '../../src/engine/types.js';
import { meta, testEngine } from '../helpers/engine.js';

const phrases = [
  'yes',
  'nee',
  'weet niet',
  'China',
  'drones',
  'help',
  'opnieuw',
  'vergeet mij',
  'english',
  'Beihang University',
  '<!channel>',
  '',
  '🚀🚀',
  'cancel',
];

const inputArb: fc.Arbitrary<EngineInput | { pick: number }> = fc.oneof(
  fc.string({ maxLength: 200 }).map((text) => ({ type: 'text' as const, text })),
  fc.constantFrom(...phrases).map((text) => ({ type: 'text' as const, text })),
  fc.constantFrom(...PLAYBOOK_IDS).map((playbook) => ({ type: 'start' as const, playbook })),
  fc.string({ maxLength: 30 }).map((value) => ({ type: 'action' as const, value })),
  fc.constantFrom('en' as const, 'nl' as const).map((lang) => ({ type: 'set-lang' as const, lang })),
  fc.nat(20).map((pick) => ({ pick })),
);

describe('random conversations', () => {
  it('never throw and always leave a valid state', () => {
    const engine = testEngine();
    fc.assert(
      fc.property(fc.array(inputArb, { maxLength: 25 }), (inputs) => {
        let state: unknown = null;
        let last: Reply[] = [];
        for (const raw of inputs) {
          let input: EngineInput;
          if ('pick' in raw) {
            // Click one of the buttons on screen, as a user would.
            const buttons = last.flatMap((r) =>
              r.kind === 'question'
                ? r.choices.map((c) => ({ value: c.value, step: r.step }))
                : r.kind === 'menu'
                  ? r.choices.map((c) => ({ value: c.value }))
                  : [],
            );
            const b = buttons[raw.pick % Math.max(1, buttons.length)];
            if (!b) continue;
            input = { type: 'action', ...b };
          } else input = raw;
          const result = engine.step(state, input, meta());
          expect(parseState(result.state)).not.toBeNull();
          expect(result.replies.length).toBeGreaterThan(0);
          state = result.state;
          last = result.replies;
        }
      }),
      { numRuns: 150 },
    );
  });
});
