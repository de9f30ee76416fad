// The examples the product brief and the issues give must start the right playbook with the facts known.
import { describe, expect, it } from 'vitest';
import { Conversation } from '../helpers/engine.js';

const examples: Array<{ text: string; playbook: string; countries?: string[]; domains?: string[] }> = [
  { text: 'Can I work on drones with a university in China?', playbook: 'sensitive-tech-partner', countries: ['CN'], domains: ['robotics'] },
  { text: 'hey can i collab w/ a uni in iran on battery chem?', playbook: 'sensitive-tech-partner', countries: ['IR'], domains: ['energy'] },
  { text: 'Mag ik met een Chinese universiteit samenwerken rond drones?', playbook: 'sensitive-tech-partner', countries: ['CN'], domains: ['robotics'] },
  { text: 'Ik wil samenwerken rond dronetechnologie met een universiteit in China. Kan dat?', playbook: 'sensitive-tech-partner', countries: ['CN'], domains: ['robotics'] },
];

describe('the examples of the brief', () => {
  for (const e of examples) {
    it(`"${e.text}" starts ${e.playbook}`, () => {
      const c = new Conversation();
      c.say(e.text);
      expect(c.state?.playbook?.id).toBe(e.playbook);
      expect(c.state?.phase).toBe('asking');
      if (e.countries) expect(c.state?.facts.countries).toEqual(e.countries);
      if (e.domains) expect(c.state?.facts.domains).toEqual(e.domains);
    });
  }
});

describe("the user's own institution", () => {
  it('routes the case to it, and is not taken for the partner or its country', () => {
    const c = new Conversation();
    c.say('Ik werk aan de UGent en wil met een Chinese universiteit samenwerken rond onderwaterdrones');
    expect(c.state?.facts.institution).toBe('ugent');
    expect(c.state?.facts.countries).toEqual(['CN']);
    expect(c.state?.facts.partnerName).toBeUndefined();
  });

  it('still asks where the partner is when only the own institution is named', () => {
    const c = new Conversation();
    c.say("I'm at KU Leuven and want to collaborate with a company on battery technology");
    expect(c.state?.facts.institution).toBe('kuleuven');
    expect(c.state?.facts.countries).toBeUndefined();
    // Answer whatever comes first; a question about the partner's country must follow.
    for (let q = c.question(); q && !/country/i.test(q.text); q = c.question()) c.click(q.choices[0]?.value ?? '');
    expect(c.question()?.text).toMatch(/country/i);
  });
});
