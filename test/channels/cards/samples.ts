// Sample engine output covering every Reply kind and every optional part, plus a case record.
// Hostile text (markdown, links, HTML, date macros) sits wherever a user's words can end up.
import type { Outcome, Reply } from '../../../src/engine/types.js';
import type { CaseRecord } from '../../../src/store/types.js';

export const HOSTILE = '**Bold** _it_ [click](https://evil.example) <b>x</b> # h {{DATE(2017-02-14T06:08:39Z, SHORT)}}\n- item\n1. first';

const citeA = { section: 'risks', title: 'What are the risks?', source: 'VLIR guidelines', href: '/sources/vlir#risks' };
const citeB = { section: 'reporting-obligation', title: 'Reporting obligation', source: 'VLIR guidelines', href: '/sources/vlir#reporting-obligation' };

export const outcome: Outcome = {
  playbook: 'partner-check',
  playbookTitle: 'Checking a partner',
  risk: 'high',
  riskLabel: 'High',
  assessment: `The partner ${HOSTILE} appears on a list of universities with military ties.`,
  riskReasons: ['A sensitive topic', `A partner named ${HOSTILE}`, 'Seven Sons of National Defence'],
  riskBasis: { rule: 'topic-partner-country', text: 'High because: sensitive topic + listed partner + country', cites: [citeA] },
  flags: [
    { id: 'seven-sons', label: 'Seven Sons of National Defence', severity: 'serious', dimension: 'partner' },
    { id: 'sanctions-hit', label: 'The partner is on a sanctions list', severity: 'blocker', dimension: 'partner' },
    { id: 'unsure', label: 'Some answers were "not sure"', severity: 'info', dimension: 'collaboration' },
  ],
  screening: [
    {
      list: 'seven-sons',
      listName: 'Seven Sons of National Defence',
      listDate: '2025-01-01',
      id: 'hit',
      name: 'Harbin Institute of Technology',
      matched: HOSTILE,
      score: 0.93,
      match: true,
      why: 'xian taken as a campus',
      kind: 'military',
    },
    {
      list: 'sanctions',
      listName: 'Sanctions',
      listDate: '2025-02-01',
      id: 'x',
      name: 'Harbin Eng. Co',
      matched: 'Harbin',
      score: 0.61,
      match: false,
      why: '',
      kind: 'sanction',
    },
  ],
  screened: {
    names: ['Harbin Institute of Technology'],
    lists: [
      { id: 'seven-sons', name: 'Seven Sons of National Defence', date: '2025-01-01', stale: false, entries: 7 },
      { id: 'sanctions', name: 'Sanctions', date: '2025-02-01', stale: true, entries: 1000 },
    ],
  },
  steps: [{ id: 's1', text: 'Talk to your contact point before you sign.', cites: [citeA, citeB] }],
  measures: [{ id: 'm1', text: 'Limit access to the lab.', cites: [citeA] }],
  duties: [{ id: 'd1', text: 'Report the collaboration.', cites: [citeB] }],
  escalate: true,
  escalation: 'required',
  openPoints: [{ id: 'open-funding', text: 'Who funds the partner’s part of the work?', cites: [citeA] }],
  links: [
    { id: 'opensanctions', label: 'OpenSanctions', url: 'https://www.opensanctions.org/' },
    { id: 'aspi-tracker', label: 'ASPI China Defence Universities Tracker', url: 'https://unitracker.aspi.org.au/' },
  ],
  headline: 'Not without your contact point.',
  contactPoint: {
    id: 'uhasselt',
    name: 'UHasselt',
    email: 'researchsecurity@uhasselt.be',
    specialised: [{ topic: 'export-control', email: 'export@uhasselt.be' }],
  },
  citations: [citeA, citeB],
};

export const sampleReplies: Reply[] = [
  { kind: 'text', text: HOSTILE },
  {
    kind: 'question',
    text: `Is ${HOSTILE} a university?`,
    help: 'We ask because the rules differ.',
    step: 'ask-partner-kind',
    choices: [
      { label: 'Yes', value: 'yes' },
      { label: 'No', value: 'no' },
      { label: 'Not sure', value: 'unsure' },
    ],
  },
  {
    kind: 'question',
    text: 'Which country?',
    step: 'ask-country',
    choices: Array.from({ length: 12 }, (_, i) => ({ label: `Country ${i}`, value: `c${i}` })),
    typeHint: 'a country',
    structured: true,
  },
  {
    kind: 'question',
    text: "What is the partner's name?",
    step: 'ask-partner-name',
    choices: [],
    form: { field: 'partnerName', label: "Partner's name", placeholder: 'e.g. Ghent University' },
  },
  { kind: 'outcome', outcome, summaryMarkdown: '*ignored*' },
  {
    kind: 'outcome',
    outcome: {
      ...outcome,
      risk: 'low',
      riskLabel: 'Low',
      headline: 'No concerns found; nothing to do.',
      riskReasons: [],
      riskBasis: undefined,
      flags: [],
      screening: [],
      screened: undefined,
      openPoints: [],
      links: [],
      measures: [],
      duties: [],
      escalation: 'none',
      escalate: false,
      contactPoint: undefined,
      citations: [],
    },
    summaryMarkdown: '',
  },
  { kind: 'case-created', caseRef: 'RS-2025-0001', contactPoint: outcome.contactPoint!, text: 'Your case went to the contact point.' },
  {
    kind: 'menu',
    text: 'What is it about?',
    choices: [
      { label: 'Hiring', value: 'hire-military-background' },
      { label: 'Fieldwork', value: 'fieldwork-abroad' },
    ],
  },
];

export function sampleCase(status: CaseRecord['status']): CaseRecord {
  return {
    id: 'case-1',
    ref: 'RS-2025-0001',
    status,
    institution: 'uhasselt',
    playbook: 'partner-check',
    risk: 'high',
    researcher: { channel: 'teams', id: 'aad-1', name: HOSTILE, conversationKey: 'teams:t:c:u', address: {} },
    assignee: status === 'open' ? undefined : { channel: 'teams', id: 'cp-1', name: 'Contact Person' },
    advice: status === 'closed' ? HOSTILE : undefined,
    draft: {
      id: 'case-1',
      ref: 'RS-2025-0001',
      playbook: 'partner-check',
      lang: 'en',
      institution: 'uhasselt',
      createdAt: '2025-03-01T10:00:00Z',
      facts: { partnerName: HOSTILE, countries: ['CN', 'RU'] },
      answers: [
        { step: 'ask-partner-name', fact: 'partnerName', question: "Partner's name?", value: 'x', label: HOSTILE, typed: true, inferred: false },
        { step: 'ask-country', fact: 'countries', question: 'Which country?', value: 'CN', label: 'China', typed: false, inferred: true },
      ],
      outcome,
      summaryMarkdown: '',
    },
    createdAt: '2025-03-01T10:00:00Z',
    updatedAt: '2025-03-01T11:00:00Z',
    history: [
      { at: '2025-03-01T10:00:00Z', actor: { channel: 'teams', id: 'aad-1' }, action: 'created' },
      { at: '2025-03-01T10:30:00Z', actor: { channel: 'teams', id: 'cp-1', name: 'Contact Person' }, action: 'asked', text: `Who pays? ${HOSTILE}` },
      { at: '2025-03-01T10:40:00Z', actor: { channel: 'teams', id: 'aad-1' }, action: 'answered', text: `The ministry ${HOSTILE}` },
    ],
  };
}
