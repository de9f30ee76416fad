// What a contact point would sign (issue 17): restrictions only where they bite, "not sure" as an open point,
// duties on their real triggers, escalation only where a duty makes it necessary. Transcripts in EN and NL;
// each of them failed on the advice before this change.
import { describe, expect, it } from 'vitest';
import type { Outcome, Reply } from '../../src/engine/types.js';
import type { Say, Transcript } from './cases-harness.js';
import { click, talk } from './advice-harness.js';
import { caseEngine } from './cases-harness.js';

/** Everything the researcher reads in the outcome. */
function shown(o: Outcome): string {
  return [o.headline, o.assessment, ...o.riskReasons, ...o.flags.map((f) => f.label), ...o.steps.map((s) => s.text), ...o.duties.map((d) => d.text), ...o.openPoints.map((p) => p.text)]
    .join('\n')
    .toLowerCase();
}

function afterOutcome(t: Transcript): string {
  const i = t.replies.findIndex((r) => r.kind === 'outcome');
  const menu = t.replies.slice(i).find((r): r is Extract<Reply, { kind: 'menu' }> => r.kind === 'menu');
  return menu?.text ?? '';
}

const ids = (items: Array<{ id: string }>) => items.map((i) => i.id);

/** A clean partner-check: a Russian university, a joint project, no funder rule, nothing found. */
const partner: Record<string, Say> = {
  'ask-partner-name': 'Ural Federal University',
  'ask-partner-kind': click('university'),
  'ask-country': 'Russia',
  'ask-collaboration': click('project'),
  'ask-funders': click('other'),
  'ask-sanctions': click('no'),
  'ask-military-ties': click('no'),
  'ask-human-rights': click('no'),
};

describe('a Russian university that did not sign the rectors\' statement', () => {
  it('EN: the rectors\' rule does not bite, and nothing is called a list hit', () => {
    const t = talk('We plan a joint research project with a Russian university. Is that still possible?', {
      ...partner,
      'ask-institutional': click('no'),
    }, 'partner-check');
    expect(ids(t.outcome.duties)).not.toContain('restriction-russia-rectors-statement');
    expect(t.outcome.flags.map((f) => f.id)).not.toContain('russia-rectors-statement');
    expect(t.outcome.risk).not.toBe('high');
    expect(shown(t.outcome)).not.toContain('on a list');
    expect(shown(t.outcome)).not.toContain('match');
    expect(t.outcome.screening.some((h) => h.id === 'russia-rectors-statement')).toBe(false);
  });

  it('NL: an agreement with a university that did not sign: the rule does not bite', () => {
    const t = talk('We willen een samenwerkingsakkoord sluiten met een Russische universiteit. Kan dat nog?', {
      ...partner,
      'ask-institutional': click('yes'),
      'ask-rectors-statement': click('no'),
    }, 'partner-check');
    expect(t.state.lang).toBe('nl');
    expect(ids(t.outcome.duties)).not.toContain('restriction-russia-rectors-statement');
    expect(shown(t.outcome)).not.toContain('op een lijst');
    expect(shown(t.outcome)).not.toContain('treffer');
  });

  it('NL: "not sure" whether it signed is a point to check, never a hit', () => {
    const t = talk('We willen een samenwerkingsakkoord sluiten met een Russische universiteit. Kan dat nog?', {
      ...partner,
      'ask-institutional': click('yes'),
      'ask-rectors-statement': click('unsure'),
    }, 'partner-check');
    expect(ids(t.outcome.duties)).not.toContain('restriction-russia-rectors-statement');
    const point = t.outcome.openPoints.find((p) => p.id === 'check-russia-rectors-statement');
    expect(point?.text).toContain('rectorenverklaring');
    expect(point?.text).toContain('contactpunt');
    // No internal id, no English in the Dutch point.
    expect(point?.text).not.toContain('russia-rectors-statement');
    expect(point?.text).not.toMatch(/whether|signed the/);
  });

  it('EN: a signatory with an agreement: the rule bites and the contact point is required', () => {
    const t = talk('We want to sign a cooperation agreement with a Russian university.', {
      ...partner,
      'ask-institutional': click('yes'),
      'ask-rectors-statement': click('yes'),
    }, 'partner-check');
    expect(ids(t.outcome.duties)).toContain('restriction-russia-rectors-statement');
    expect(t.outcome.risk).toBe('high');
    expect(t.outcome.escalation).toBe('required');
    expect(t.outcome.headline).toMatch(/^Not without your contact point/);
    expect(t.outcome.riskBasis?.rule).toBe('restriction-or-sanction');
  });
});

const tehran: Record<string, Say> = {
  'ask-partner-name': 'University of Tehran',
  'ask-partner-kind': click('university'),
  'ask-country': 'Iran',
  'ask-collaboration': click('co-authorship'),
  'ask-funders': click('other'),
  'ask-sanctions': click('no'),
  'ask-military-ties': click('no'),
  'ask-human-rights': click('no'),
  'ask-coauthors': click('no'),
};

describe('a co-authored paper on poetry with the University of Tehran', () => {
  it('EN: not an institutional collaboration, so the Iran rule does not bite', () => {
    const t = talk('Can I co-author a paper on medieval Persian poetry with a colleague at the University of Tehran?', tehran, 'partner-check');
    expect(t.outcome.flags.map((f) => f.id)).not.toContain('iran-institutional');
    expect(ids(t.outcome.duties)).not.toContain('restriction-iran-institutional');
    expect(t.outcome.risk).not.toBe('high');
    expect(t.outcome.escalation).not.toBe('required');
    expect(shown(t.outcome)).not.toContain("don't start");
    expect(shown(t.outcome)).not.toContain('on a list');
    // The rule is explained with its real scope.
    expect(shown(t.outcome)).toContain('not a co-authored paper');
  });

  it('NL: the same in Dutch, without "op een lijst"', () => {
    const t = talk('Mag ik samen met een collega van de University of Tehran een artikel over middeleeuwse Perzische poëzie schrijven?', tehran, 'partner-check');
    expect(t.state.lang).toBe('nl');
    expect(t.outcome.flags.map((f) => f.id)).not.toContain('iran-institutional');
    expect(shown(t.outcome)).not.toContain('op een lijst');
    expect(t.outcome.risk).not.toBe('high');
  });
});

const csc: Record<string, Say> = {
  'ask-home-name': "Xi'an Jiaotong University",
  'ask-home-ties': click('no'),
  'ask-military-cv': click('no'),
  'ask-access': click('no'),
  'ask-visitor-sanctions': click('no'),
};

describe('the clean CSC case (G:998-1026)', () => {
  const first = 'A doctoral candidate with a CSC scholarship wants to spend a year as a visiting researcher in my group on the efficiency of electricity transmission networks, as part of her PhD in China.';
  it('EN: home institution clean, no ties, nothing strategic: medium, not high', () => {
    const t = talk(first, csc, 'visiting-researcher');
    expect(t.outcome.risk).toBe('medium');
    expect(t.outcome.riskBasis?.rule).toBe('three-elements-clean-partner');
    expect(t.outcome.escalation).toBe('offered');
    expect(afterOutcome(t)).not.toContain('The guideline asks you');
    expect(t.outcome.steps.map((s) => s.id)).toContain('ip-agreements');
  });
  it('NL: the same case in Dutch: gemiddeld', () => {
    const t = talk(
      'Een doctoraatsstudente met een CSC-beurs wil een jaar als bezoekende onderzoeker in mijn groep werken aan de efficiëntie van elektriciteitsnetten, als deel van haar doctoraat in China.',
      { ...csc, 'ask-home-ties': 'nee', 'ask-military-cv': 'nee', 'ask-access': 'nee' },
      'visiting-researcher',
    );
    expect(t.outcome.risk).toBe('medium');
    expect(t.outcome.riskLabel).toBe('Gemiddeld');
    expect(afterOutcome(t)).not.toContain('De richtlijn vraagt je');
  });
  it('an Erasmus student from Spain in history gets no CSC wording and no push', () => {
    const t = talk('An Erasmus exchange student from Spain will join my history group for a semester', {
      ...csc,
      'ask-stay': click('exchange'),
      'ask-country': 'Spain',
      'ask-domain': click('none'),
      'ask-funding': click('ours'),
      'ask-home-name': 'Universidad de Salamanca',
    }, 'visiting-researcher');
    expect(shown(t.outcome)).not.toContain('csc');
    expect(t.outcome.risk).toBe('low');
    expect(t.outcome.escalation).not.toBe('required');
  });
  it('FWO recognised from its own button: the FWO approval duty follows', () => {
    const t = talk('A visiting researcher from Turkey will spend six months in my AI group', {
      ...csc,
      'ask-stay': click('visit'),
      'ask-country': 'Turkey',
      'ask-domain': click('ai'),
      'ask-funding': click('fwo'),
      'ask-home-name': 'Middle East Technical University',
    }, 'visiting-researcher');
    expect(ids(t.outcome.duties)).toContain('fwo-security-approval');
  });
});

const tech: Record<string, Say> = {
  'ask-domain': click('ai'),
  'ask-partner-kind': click('university'),
  'ask-country': 'Germany',
  'ask-dual-use': click('no'),
  'ask-trl': click('applied'),
  'ask-military-ties': click('no'),
  'ask-human-rights': click('no'),
  'ask-sharing': click('data-software-knowhow'),
  'ask-institutional': click('no'),
  'ask-funders': click('other'),
};

describe('a partner inside the EU (G:337-341)', () => {
  it('EN: TU Munich, software shared, nothing listed: no export duty, no "outside the EU"', () => {
    const t = talk('We want to collaborate on computer vision software with a university in Germany', { ...tech, 'ask-partner-name': 'Technical University of Munich' }, 'sensitive-tech-partner');
    expect(ids(t.outcome.duties)).not.toContain('intangible-transfer');
    expect(ids(t.outcome.duties)).not.toContain('dual-use-export-licence');
    expect(shown(t.outcome)).not.toContain('outside the eu');
    expect(t.outcome.flags.map((f) => f.id)).not.toContain('sharing-outside-eu');
  });
  it('NL: een partner in Duitsland: geen "buiten de EU"', () => {
    const t = talk('We willen samenwerken rond computervisie met een universiteit in Duitsland', { ...tech, 'ask-partner-name': 'Technische Universität München' }, 'sensitive-tech-partner');
    expect(shown(t.outcome)).not.toContain('buiten de eu');
    expect(ids(t.outcome.duties)).not.toContain('intangible-transfer');
  });
});

const lecture: Record<string, Say> = {
  'ask-item': click('technology'),
  'ask-channel': click('lecture'),
  'ask-outside-eu': click('yes'),
  'ask-listed': click('no'),
  'ask-intra-eu': click('no'),
  'ask-recipient': 'Coursera',
  'ask-end-use': click('no'),
};

describe('an online lecture with nothing listed', () => {
  it('EN: low, and the contact point is not pushed', () => {
    const t = talk('I will give an online lecture on machine learning for students in the US and India', lecture, 'export-control');
    expect(t.outcome.risk).toBe('low');
    expect(t.outcome.escalation).not.toBe('required');
    expect(afterOutcome(t)).not.toContain('The guideline asks you');
    expect(ids(t.outcome.duties)).not.toContain('intangible-transfer');
    expect(ids(t.outcome.duties)).not.toContain('lecture-outside-eu');
    expect(t.outcome.headline).toMatch(/^(No concerns|Possible: few risk elements)/);
  });
  it('NL: laag, geen "De richtlijn vraagt je"', () => {
    const t = talk('Ik geef een online les over machine learning voor studenten in de VS en India', lecture, 'export-control');
    expect(t.outcome.risk).toBe('low');
    expect(afterOutcome(t)).not.toContain('De richtlijn vraagt je');
    expect(t.outcome.headline).toMatch(/^(Geen bezorgdheden|Mogelijk: er komen weinig)/);
  });
});

const allUnsure: Record<string, Say> = Object.fromEntries(
  ['ask-domain', 'ask-partner-kind', 'ask-country', 'ask-partner-name', 'ask-dual-use', 'ask-trl', 'ask-military-ties', 'ask-human-rights', 'ask-sharing', 'ask-institutional', 'ask-funders', 'ask-rectors-statement'].map((k) => [k, click('unsure')]),
);

describe('"are Chinese universities off-limits?" (G:84-86)', () => {
  // A general question gets a knowledge answer; a concrete collaboration gets the playbook. Both say first that
  // no country is excluded as such.
  function firstAnswer(text: string): string {
    const engine = caseEngine();
    const r = engine.step(null, { type: 'text', text }, { at: '2025-10-01T10:00:00.000Z', newId: '00000000-0000-4000-8000-000000000001' });
    const said = r.replies.flatMap((x) => (x.kind === 'text' ? [x.text] : []));
    expect(r.state.playbook?.id ?? r.state.outcome?.playbook, `"${text}" got no knowledge answer`).toBe('faq');
    // The knowledge answer repeats the question it answers, then answers it.
    return (said[0] ?? '').split('\n\n')[1] ?? '';
  }
  it('EN: the knowledge answer says first that no country is excluded as such', () => {
    expect(firstAnswer('Is a whole country banned? Can we still collaborate with universities in China?')).toMatch(/^No country is excluded as such/);
  });
  it('NL: het kennisantwoord zegt eerst dat geen enkel land als dusdanig uitgesloten is', () => {
    expect(firstAnswer('Mogen we nog samenwerken met Chinese universiteiten?')).toMatch(/^Geen enkel land is als dusdanig uitgesloten/);
  });
  it('EN: a concrete collaboration in China, all unsure: the headline says it first; unsure answers are open points', () => {
    const t = talk('We would like to start a joint project with a university in China. Is that still possible?', allUnsure, 'sensitive-tech-partner');
    expect(t.outcome.headline).toMatch(/^No country is excluded as such/);
    expect(t.outcome.risk).not.toBe('high');
    expect(t.outcome.openPoints.length).toBeGreaterThanOrEqual(5);
    // "Not sure" is not a risk element: no reason says "Not sure".
    expect(t.outcome.riskReasons.join(' ')).not.toMatch(/not sure/i);
  });
  it('NL: een concrete samenwerking in China, alles onzeker: de kop zegt het eerst', () => {
    const t = talk('We willen een gezamenlijk project starten met een universiteit in China. Kan dat nog?', allUnsure, 'sensitive-tech-partner');
    expect(t.outcome.headline).toMatch(/^Geen enkel land is als dusdanig uitgesloten/);
    expect(t.outcome.risk).not.toBe('high');
  });
});

const drone: Record<string, Say> = {
  ...tech,
  'ask-domain': click('robotics'),
  'ask-country': 'China',
  'ask-partner-name': 'Zhejiang University',
  'ask-dual-use': click('unsure'),
  'ask-sharing': click('publications-only'),
};

describe('drones with a Chinese university, dual-use "not sure" (G:908-937)', () => {
  it('EN: the reporting obligation is there, and the contact point is required', () => {
    const t = talk('I want to collaborate on drone technology with a university in China', drone, 'sensitive-tech-partner');
    expect(ids(t.outcome.duties)).toContain('reporting-obligation');
    expect(ids(t.outcome.duties)).not.toContain('dual-use-export-licence');
    expect(t.outcome.escalation).toBe('required');
    expect(t.outcome.openPoints.map((p) => p.id)).toContain('open-ask-dual-use');
  });
  it('NL: meldingsplicht ook bij "niet zeker"', () => {
    const t = talk('Ik wil samenwerken rond dronetechnologie met een universiteit in China', drone, 'sensitive-tech-partner');
    expect(ids(t.outcome.duties)).toContain('reporting-obligation');
    expect(afterOutcome(t)).toContain('De richtlijn vraagt je');
  });
});

const malta: Record<string, Say> = {
  'ask-domain': click('none'),
  'ask-country': 'Malta',
  'ask-company-name': 'Silent Turbine Holdings Ltd',
  'ask-information': click('little'),
  'ask-owners': click('sanctioned-country'),
  'ask-sanctions-check': click('allowed'),
  'ask-funding-signals': click('no'),
};

describe('the Malta case with a Russian shareholder (G:884-906)', () => {
  const first = 'I want to collaborate on reducing aircraft engine noise with a company based in Malta. Little is known about this company.';
  it('EN: the owners are asked; Russian and state-owned owners make it high', () => {
    const t = talk(first, { ...malta, 'ask-owner-ties': click('government') }, 'opaque-company');
    expect(t.asked).toContain('ask-owners');
    expect(t.outcome.risk).toBe('high');
  });
  it('NL: Russische aandeelhouders met militaire activiteiten: hoog', () => {
    const t = talk('Ik wil met een bedrijf op Malta werken aan het geluid van vliegtuigmotoren. Er is weinig over het bedrijf te vinden.', { ...malta, 'ask-owner-ties': click('military') }, 'opaque-company');
    expect(t.asked).toContain('ask-owners');
    expect(t.outcome.risk).toBe('high');
  });
});

describe('the outcome a researcher reads in 30 seconds', () => {
  it('has a headline, the rule that set the risk with a citation, links for the steps, citations with an anchor', () => {
    const t = talk('Can I co-author a paper on medieval Persian poetry with a colleague at the University of Tehran?', tehran, 'partner-check');
    const o = t.outcome;
    expect(o.headline.length).toBeGreaterThan(10);
    expect(o.riskBasis?.text).toMatch(/because/);
    expect(o.riskBasis?.cites.length).toBeGreaterThan(0);
    expect(o.links.map((l) => l.url)).toEqual(expect.arrayContaining([expect.stringContaining('opensanctions.org'), expect.stringContaining('scholarsatrisk')]));
    for (const c of o.citations) expect(c.href).toMatch(/^\/sources\/[a-z]+#[a-z0-9-]+$/);
    // Why and points of attention are one list: no reason repeats a flag twice.
    expect(new Set(o.riskReasons).size).toBe(o.riskReasons.length);
  });
});
