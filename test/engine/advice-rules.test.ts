// The rules of content/rules.yaml and content/restrictions.yaml in conversations: short paths for harmless
// cases, unsure answers as open points, restrictions with their real scope, hit kinds as the guideline weighs them.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConversationState, EngineInput } from '../../src/engine/types.js';
import { contactPointView } from '../../src/engine/outcome.js';
import { createAdvisorEngine } from '../../src/runtime/engine.js';
import { loadDataset } from '../../src/screening/index.js';
import { click, talk } from './advice-harness.js';

describe('a low-risk humanities collaboration is short', () => {
  const answers = { 'ask-partner-name': 'University of Lisbon', 'ask-partner-kind': click('university'), 'ask-country': 'Portugal', 'ask-collaboration': click('co-authorship'), 'ask-coauthors': click('no') };
  it('EN: a joint paper on medieval poetry in Portugal: at most 4 questions, low, no push', () => {
    const t = talk("I'd like to write a joint paper on medieval poetry with a colleague at the University of Lisbon in Portugal", answers, 'partner-check');
    expect(t.asked.length).toBeLessThanOrEqual(4);
    expect(t.outcome.risk).toBe('low');
    expect(t.outcome.escalation).toBe('none');
    expect(t.asked).not.toContain('ask-military-ties');
  });
  it('NL: een gezamenlijk artikel met een Portugese universiteit: hoogstens 4 vragen', () => {
    const t = talk('Ik wil met een collega van de Universiteit van Lissabon een artikel schrijven over middeleeuwse poëzie', answers, 'partner-check');
    expect(t.asked.length).toBeLessThanOrEqual(4);
    expect(t.outcome.headline).toMatch(/^Geen bezorgdheden/);
  });
  it('fieldwork in archives in Japan asks nothing about burner phones and advises none', () => {
    const t = talk('I am going to Japan to study medieval manuscripts in archives', {
      'ask-country': 'Japan',
      'ask-subject': click('neutral'),
      'ask-collection': click('no-people'),
      'ask-researcher-safety': click('no'),
      'ask-travel-advice': click('normal'),
    }, 'fieldwork-abroad');
    expect(t.asked).not.toContain('ask-devices');
    const steps = t.outcome.steps.map((s) => s.id);
    expect(steps).not.toContain('burner-devices');
    expect(steps).not.toContain('authoritarian-caution');
    expect(t.outcome.steps.map((s) => s.text).join(' ')).not.toMatch(/police|demonstration/i);
  });
});

describe('"not sure" is an open point, not a risk element', () => {
  it('everything known harmless and two things unsure: at most medium, the unsure answers listed to check', () => {
    const t = talk('We plan a joint research project with a university abroad', {
      'ask-partner-name': 'Meridian Graduate School',
      'ask-partner-kind': click('university'),
      'ask-country': click('unsure'),
      'ask-collaboration': click('project'),
      'ask-sanctions': click('no'),
      'ask-military-ties': click('unsure'),
      'ask-human-rights': click('no'),
    }, 'partner-check');
    expect(['low', 'medium']).toContain(t.outcome.risk);
    expect(t.outcome.openPoints.map((p) => p.id)).toEqual(expect.arrayContaining(['open-ask-country', 'open-ask-military-ties']));
    expect(t.outcome.riskReasons.join(' ')).not.toMatch(/not sure/i);
    expect(t.outcome.escalation).toBe('offered');
  });
});

describe('Huawei and ZTE: only Horizon Europe Innovation Actions (G:187-188)', () => {
  const base = {
    'ask-domain': click('connectivity'),
    'ask-partner-kind': click('company'),
    'ask-country': 'China',
    'ask-partner-name': 'Huawei',
    'ask-dual-use': click('no'),
    'ask-trl': click('applied'),
    'ask-military-ties': click('no'),
    'ask-human-rights': click('no'),
    'ask-sharing': click('publications-only'),
    'ask-institutional': click('yes'),
  };
  it('in a Horizon Research and Innovation Action the rule does not bite', () => {
    const t = talk('We want Huawei as a partner in our 6G project', { ...base, 'ask-funders': click('horizon-europe'), 'ask-horizon-action': click('research') }, 'sensitive-tech-partner');
    expect(t.outcome.duties.map((d) => d.id)).not.toContain('restriction-horizon-huawei-zte');
  });
  it('in an Innovation Action it bites, shown with its scope', () => {
    const t = talk('We want Huawei as a partner in our 6G project', { ...base, 'ask-funders': click('horizon-europe'), 'ask-horizon-action': click('innovation') }, 'sensitive-tech-partner');
    const duty = t.outcome.duties.find((d) => d.id === 'restriction-horizon-huawei-zte');
    expect(duty?.text).toContain('Innovation Actions');
    expect(t.outcome.escalation).toBe('required');
  });
  it('an Innovation Action named in the opening is not asked again, and the rule bites', () => {
    // No answer for ask-horizon-action: the harness fails if it is asked.
    const t = talk('We want Huawei as a partner in our Horizon Europe Innovation Action on 6G', { ...base, 'ask-funders': click('horizon-europe') }, 'sensitive-tech-partner');
    expect(t.outcome.duties.map((d) => d.id)).toContain('restriction-horizon-huawei-zte');
  });
  it('a Research and Innovation Action in the opening is no Innovation Action: the rule does not bite', () => {
    const t = talk('We want Huawei as a partner in our Horizon Europe Research and Innovation Action on 6G', { ...base, 'ask-funders': click('horizon-europe'), 'ask-horizon-action': click('research') }, 'sensitive-tech-partner');
    expect(t.outcome.duties.map((d) => d.id)).not.toContain('restriction-horizon-huawei-zte');
  });
  it('with an unknown action type it is a point to check', () => {
    const t = talk('We want Huawei as a partner in our 6G project', { ...base, 'ask-funders': click('horizon-europe'), 'ask-horizon-action': click('unsure') }, 'sensitive-tech-partner');
    expect(t.outcome.openPoints.map((p) => p.id)).toContain('check-horizon-huawei-zte');
  });
});

describe('a real hit on the list of Chinese military institutions (G:585-586)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pla-'));
  const file = join(dir, 'pla.csv');
  writeFileSync(file, ['name,aliases,country,list,source', 'National University of Defense Technology,NUDT,cn,chinese-military,test fixture'].join('\n'));
  const engine = createAdvisorEngine({ datasets: [loadDataset({ path: file, format: 'simple-csv', listId: 'chinese-military' })], today: '2025-10-01' });
  it('makes the restriction bite for an institutional collaboration', () => {
    let state: ConversationState | null = null;
    let n = 0;
    const send = (input: EngineInput) => {
      const r = engine.step(state, input, { at: '2025-10-01T10:00:00.000Z', newId: `id-${++n}` });
      state = r.state;
      return r;
    };
    send({ type: 'start', playbook: 'partner-check' });
    const answers: Record<string, EngineInput> = {
      'ask-partner-name': { type: 'text', text: 'National University of Defense Technology' },
      'ask-partner-kind': { type: 'action', value: 'answer:university' },
      'ask-country': { type: 'text', text: 'China' },
      'ask-collaboration': { type: 'action', value: 'answer:project' },
      'ask-institutional': { type: 'action', value: 'answer:yes' },
      'ask-funders': { type: 'action', value: 'answer:other' },
      'ask-sanctions': { type: 'action', value: 'answer:no' },
      'ask-human-rights': { type: 'action', value: 'answer:no' },
    };
    for (let i = 0; i < 20; i++) {
      const s = state as ConversationState | null;
      if (s?.phase !== 'asking' || !s.step) break;
      const a = answers[s.step];
      expect(a, `unexpected ${s.step}`).toBeDefined();
      if (a) send(a);
    }
    const s = state as ConversationState | null;
    const o = s?.outcome;
    expect(o?.duties.map((d) => d.id)).toContain('restriction-chinese-military-institution');
    expect(o?.risk).toBe('high');
    expect(o?.escalation).toBe('required');
  });
});

describe('the contact points as the guideline names them', () => {
  it('EN: "Who is the export-control contact at KU Leuven?" gives lrd.export@kuleuven.be', () => {
    const engine = createAdvisorEngine({ today: '2025-10-01' });
    const r = engine.step(null, { type: 'text', text: 'Who is the export control contact at KU Leuven?' }, { at: '2025-10-01T10:00:00.000Z', newId: 'id-1' });
    const text = r.replies.map((x) => ('text' in x ? x.text : '')).join('\n');
    expect(text).toContain('lrd.export@kuleuven.be');
  });
  it('NL: "Wie is het contactpunt voor exportcontrole aan de KU Leuven?" geeft lrd.export@kuleuven.be', () => {
    const engine = createAdvisorEngine({ today: '2025-10-01' });
    const r = engine.step(null, { type: 'text', text: 'Wie is het contactpunt voor exportcontrole aan de KU Leuven?' }, { at: '2025-10-01T10:00:00.000Z', newId: 'id-1' });
    const text = r.replies.map((x) => ('text' in x ? x.text : '')).join('\n');
    expect(text).toContain('lrd.export@kuleuven.be');
    expect(text).not.toContain('aanspreekpunt');
  });
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

describe('Horizon Europe Article 22(5): calls closed to non-EU entities', () => {
  it('a quantum project with a partner outside the EU under Horizon Europe is a point to check, never a hit', () => {
    const t = talk('We want to work on quantum computing with a university in Japan', {
      'ask-domain': click('quantum'), 'ask-partner-kind': click('university'), 'ask-country': 'Japan', 'ask-partner-name': 'Kyoto University',
      'ask-dual-use': click('no'), 'ask-trl': click('fundamental'), 'ask-military-ties': click('no'), 'ask-human-rights': click('no'),
      'ask-sharing': click('publications-only'), 'ask-institutional': click('no'), 'ask-funders': click('horizon-europe'), 'ask-horizon-action': click('research'),
    }, 'sensitive-tech-partner');
    expect(t.outcome.openPoints.map((p) => p.id)).toContain('check-horizon-critical-exclusion');
    expect(t.outcome.duties.map((d) => d.id)).not.toContain('restriction-horizon-critical-exclusion');
  });
});

describe('questions that fit the case', () => {
  it('no dual-use or TRL question for work on 13th-century manuscripts with a Chinese university', () => {
    const t = talk('We want to study 13th-century manuscripts together with a university in China', {
      'ask-domain': click('none'), 'ask-partner-kind': click('university'), 'ask-country': 'China', 'ask-partner-name': 'Peking University',
      'ask-military-ties': click('no'), 'ask-human-rights': click('no'), 'ask-sharing': click('publications-only'),
      'ask-institutional': click('no'), 'ask-funders': click('other'),
    }, 'sensitive-tech-partner');
    expect(t.asked).not.toContain('ask-dual-use');
    expect(t.asked).not.toContain('ask-trl');
    expect(t.outcome.risk).toBe('low');
    expect(t.outcome.headline).toMatch(/^No country is excluded as such/);
  });
});

describe('the reporting obligation follows its trigger (G:722-725)', () => {
  const hire = {
    'ask-country': 'Iran', 'ask-domain': click('biotech'), 'ask-background': click('career-military'), 'ask-still-connected': click('no'),
    'ask-cv-gaps': click('no'), 'ask-institution-name': 'Tehran Police Academy', 'ask-access': click('no'), 'ask-visa': click('granted'), 'ask-interview': click('all'),
  };
  it('NL: a career soldier from the Iranian army for stress detection with brain implants: report it, though not connected any more', () => {
    const t = talk('Ik wil een doctoraatsstudent aanwerven die beroepsmilitair was in het Iraanse leger, voor onderzoek naar stressdetectie met hersenimplantaten', hire, 'hire-military-background');
    expect(t.outcome.duties.map((d) => d.id)).toContain('reporting-obligation');
    expect(t.outcome.escalation).toBe('required');
    // A hire is not an institutional collaboration: the Iran rule does not bite, and no "op een lijst".
    expect(t.outcome.duties.map((d) => d.id)).not.toContain('restriction-iran-institutional');
    expect(t.outcome.riskReasons.join(' ')).not.toContain('op een lijst');
  });
});

describe('"authoritarian" only where the user or the content says so (G:548)', () => {
  it('NL: groundwater samples in Israel, no people: no "autoritaire staat"', () => {
    const t = talk('Ik ga grondwaterstalen nemen in Israël, zonder deelnemers', {
      'ask-country': 'Israël', 'ask-subject': click('neutral'), 'ask-collection': click('no-people'), 'ask-researcher-safety': click('no'),
      'ask-travel-advice': click('normal'), 'ask-devices': click('yes'),
    }, 'fieldwork-abroad');
    const text = [t.outcome.assessment, ...t.outcome.steps.map((s) => s.text)].join(' ').toLowerCase();
    expect(text).not.toContain('autoritair');
    expect(t.outcome.risk).toBe('low');
  });
  it('EN: minority languages in China: the guideline itself calls the state authoritarian (G:984-985)', () => {
    const t = talk('A PhD student will study minority languages in the public sphere in China, with photos, video and interviews', {
      'ask-country': 'China', 'ask-subject': click('repressed'), 'ask-collection': click('photo-video'), 'ask-identifiable': click('yes'),
      'ask-researcher-safety': click('no'), 'ask-travel-advice': click('normal'), 'ask-devices': click('no'),
    }, 'fieldwork-abroad');
    expect(t.outcome.steps.map((s) => s.id)).toContain('authoritarian-caution');
  });
});
