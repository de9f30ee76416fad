// @vitest-environment jsdom
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadUi } from '../../../src/content/load.js';
import {
  escapeMarkdown,
  parseCardSubmit,
  renderCaseCard,
  renderReplyCard,
  renderWelcomeCard,
  renderCasesCard,
  type AdaptiveCard,
} from '../../../src/channels/cards/index.js';
import type { Lang } from '../../../src/engine/ids.js';
import type { Reply } from '../../../src/engine/types.js';
import { REQUIRED_LANGS as LANGS } from '../../../src/domain/lang.js';
import { collect, markdownEffects } from './card-json.js';
import { HOSTILE, sampleCase, sampleReplies } from './samples.js';
import { checkCard } from './validate-card.js';

const ui = loadUi(join(import.meta.dirname, '../../../content/ui'));

/** Fails the test on a missing UI text instead of showing a key to a user. */
function strictUi(lang: Lang) {
  return (key: string): string => {
    const text = ui[key]?.[lang];
    if (!text) throw new Error(`missing UI text ${key} (${lang})`);
    return text;
  };
}

const ZWSP = /\u200B/g;

/** The element of a card with this id. */
function byId(card: AdaptiveCard, id: string): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  const visit = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as Record<string, unknown>;
    if (n['id'] === id) found = n;
    else Object.values(n).forEach(visit);
  };
  visit(card);
  return found;
}

function expectValid(card: AdaptiveCard): void {
  expect(card.version).toBe('1.5');
  expect(card.$schema).toBe('http://adaptivecards.io/schemas/adaptive-card.json');
  expect(checkCard(card).problems).toEqual([]);
}

function expectUserTextIsPlain(card: AdaptiveCard): void {
  const s = collect(card);
  for (const t of [...s.textBlocks, ...s.factValues]) expect(markdownEffects(t), t).toEqual([]);
  const runs = s.textRuns.join('\n').replace(ZWSP, '');
  expect(runs).toContain(HOSTILE);
  // Nothing a user wrote ends up in a button or a URL; the only links are our own (content URLs, mail, /sources).
  for (const a of s.actions) {
    expect(JSON.stringify(a)).not.toContain('evil.example');
    if (a.type === 'Action.OpenUrl') expect(String(a.url)).toMatch(/^(https:\/\/|mailto:|\/sources\/)/);
  }
}

describe('reply cards', () => {
  for (const lang of LANGS) {
    it(`renders every reply kind to a valid 1.5 card (${lang})`, () => {
      const kinds = new Set<string>();
      for (const reply of sampleReplies) {
        kinds.add(reply.kind);
        expectValid(renderReplyCard(reply, strictUi(lang)));
      }
      expect([...kinds].sort()).toEqual(['case-created', 'menu', 'outcome', 'question', 'text']);
    });
  }

  it('shows what a user wrote verbatim, never as markdown, links or date macros', () => {
    const withUserText = sampleReplies.filter((r) => JSON.stringify(r).includes('evil.example'));
    expect(withUserText.map((r) => r.kind)).toEqual(['text', 'question', 'outcome', 'outcome']);
    for (const reply of withUserText) {
      const card = renderReplyCard(reply, strictUi('en'));
      expectUserTextIsPlain(card);
      const visible = checkCard(card).visibleText.replace(ZWSP, '');
      expect(visible).toContain('**Bold** _it_ [click](https://evil.example) <b>x</b>');
      expect(visible).not.toMatch(/2\/14\/2017|Feb/);
    }
  });

  it('turns choices into buttons that send the value and the step back', () => {
    const card = renderReplyCard(sampleReplies[1]!, strictUi('en'));
    const { buttons } = checkCard(card);
    expect(buttons).toEqual(['Yes', 'No', 'Not sure']);
    const submits = collect(card).actions;
    expect(submits.map((a) => a.data)).toEqual([
      { action: 'yes', step: 'ask-partner-kind' },
      { action: 'no', step: 'ask-partner-kind' },
      { action: 'unsure', step: 'ask-partner-kind' },
    ]);
    for (const a of submits)
      expect(parseCardSubmit(a.data)).toEqual({
        kind: 'engine',
        input: { type: 'action', value: (a.data as { action: string }).action, step: 'ask-partner-kind' },
      });
    // No typing field when the question has no type hint or form.
    expect(JSON.stringify(card)).not.toContain('Input.Text');
  });

  it('keeps long choice lists in rows of at most five buttons', () => {
    const card = renderReplyCard(sampleReplies[2]!, strictUi('en'));
    const rows = card.body.filter((e) => e.type === 'ActionSet');
    expect(rows.every((r) => r.type === 'ActionSet' && r.actions.length <= 5)).toBe(true);
    expect(checkCard(card).buttons).toHaveLength(12 + 1);
  });

  it('offers a typed answer when the question has a type hint or a form, and parses it as text', () => {
    const hinted = renderReplyCard(sampleReplies[2]!, strictUi('nl'));
    const input = hinted.body.find((e) => e.type === 'Input.Text');
    expect(input).toMatchObject({ placeholder: 'a country', label: 'Of typ je antwoord' });
    const form = renderReplyCard(sampleReplies[3]!, strictUi('en'));
    expect(form.body.find((e) => e.type === 'Input.Text')).toMatchObject({ label: "Partner's name", placeholder: 'e.g. Ghent University' });
    const send = collect(form).actions.find((a) => a.title === 'Send');
    expect(send?.data).toEqual({ typed: true, step: 'ask-partner-name' });
    // Teams merges the input values into the submitted data.
    expect(parseCardSubmit({ ...(send?.data as object), answerText: '  Ghent University ' })).toEqual({
      kind: 'engine',
      input: { type: 'text', text: 'Ghent University' },
    });
    expect(parseCardSubmit({ typed: true, answerText: '   ' })).toEqual({ kind: 'invalid' });
  });

  it('offers one way to answer a plain choice: its buttons and the message box, no field of its own', () => {
    const choice: Reply = {
      kind: 'question',
      text: 'How far from application is the work?',
      step: 'ask-trl',
      choices: [
        { label: 'Fundamental', value: 'fundamental' },
        { label: 'Applied', value: 'applied' },
      ],
      typeHint: 'one of the options above, in your own words',
    };
    const card = renderReplyCard(choice, strictUi('en'));
    expect(card.body.find((e) => e.type === 'Input.Text')).toBeUndefined();
    expect(checkCard(card).buttons).toHaveLength(2);
  });

  it('opens with the headline, then the blocker and the risk, and shows every part of the outcome without internals', () => {
    const card = renderReplyCard(sampleReplies[4]!, strictUi('en'), { relativeLinks: true });
    const visible = checkCard(card).visibleText;
    const parts = [
      'Not without your contact point.',
      'What stops this for now',
      'The partner is on a sanctions list',
      'Risk: High',
      'High because: sensitive topic + listed partner + country',
      'Why, and points of attention',
      'To check with your contact point',
      'Steps to take',
      'Talk to your contact point before you sign.',
      'See: What are the risks?; Reporting obligation',
      'Legal duties and restrictions',
      'Report the collaboration.',
      'Measures that fit',
      'Limit access to the lab.',
      'Harbin Institute of Technology: on the list',
      'Military end users: Seven Sons of National Defence (2025-01-01)',
      'Harbin Eng. Co: a similar name, not confirmed',
      'The list Sanctions dates from 2025-02-01 and may be out of date.',
      ui['engine.screening-disclaimer']!.en,
      'OpenSanctions',
      'The guideline asks you to involve your institution',
      'researchsecurity@uhasselt.be',
    ];
    let at = -1;
    for (const part of parts) {
      const found = visible.indexOf(part, at + 1);
      expect(found, part).toBeGreaterThan(at);
      at = found;
    }
    // "Seven Sons" is both a reason and a flag: said once.
    expect(visible.split('• Seven Sons of National Defence').length - 1).toBe(1);
    // The researcher never sees section ids, match scores, matcher explanations or rule ids.
    for (const internal of ['(risks)', 'reporting-obligation)', '0.93', 'xian taken as a campus', 'topic-partner-country', 'open-funding']) {
      expect(visible).not.toContain(internal);
    }
    // Links are real: the external sources, the mail address and the cited section in the source text.
    const urls = collect(card)
      .actions.filter((a) => a.type === 'Action.OpenUrl')
      .map((a) => a.url);
    expect(urls).toEqual(expect.arrayContaining(['https://www.opensanctions.org/', 'mailto:researchsecurity@uhasselt.be', '/sources/vlir#risks']));
    const low = checkCard(renderReplyCard(sampleReplies[5]!, strictUi('en'))).visibleText;
    expect(low).toContain('No concerns found; nothing to do.');
    expect(low).toContain('Risk: Low');
    expect(low).not.toContain('Names checked against lists');
    expect(low).not.toContain('The guideline asks you');
  });

  it('lets every titled part open and close by its title; the long parts start closed, what to do and the duties open', () => {
    const card = renderReplyCard(sampleReplies[4]!, strictUi('en'));
    const json = JSON.stringify(card);
    for (const kind of ['measures', 'screening', 'sources']) {
      expect(byId(card, `doc-${kind}-body`)).toMatchObject({ isVisible: false });
      expect(json).toContain(`"targetElements":["doc-${kind}-body","doc-${kind}-open","doc-${kind}-closed"]`);
    }
    for (const kind of ['steps', 'duties']) {
      expect(json).toContain(`"targetElements":["doc-${kind}-body","doc-${kind}-open","doc-${kind}-closed"]`);
      expect(byId(card, `doc-${kind}-body`)).toHaveProperty('items');
      expect(byId(card, `doc-${kind}-body`)).not.toHaveProperty('isVisible');
      // The open part shows "▾ title"; its "▸ title" waits hidden for the toggle.
      expect(byId(card, `doc-${kind}-open`)).not.toHaveProperty('isVisible');
      expect(byId(card, `doc-${kind}-open`)).toMatchObject({ inlines: [{ text: expect.stringMatching(/^▾ \S/) }] });
      expect(byId(card, `doc-${kind}-closed`)).toMatchObject({ isVisible: false, inlines: [{ text: expect.stringMatching(/^▸ \S/) }] });
    }
    // The headline and the risk are never folded away.
    expect(json).not.toContain('doc-headline-body');
    expect(json).not.toContain('doc-risk-body');
    // Teams cannot open this server's paths: without relativeLinks a source is its title, not a broken link.
    expect(collect(card).actions.some((a) => a.type === 'Action.OpenUrl' && String(a.url).startsWith('/'))).toBe(false);
  });

  it('welcome card offers one button per playbook that starts it', () => {
    const card = renderWelcomeCard(
      [
        { id: 'partner-check', title: 'Check a partner', description: 'Screen a name.' },
        { id: 'fieldwork-abroad', title: 'Fieldwork abroad', description: 'Travel.' },
      ],
      strictUi('en'),
    );
    expectValid(card);
    const data = collect(card).actions.map((a) => a.data);
    expect(data.map((d) => parseCardSubmit(d))).toEqual([
      { kind: 'engine', input: { type: 'start', playbook: 'partner-check' } },
      { kind: 'engine', input: { type: 'start', playbook: 'fieldwork-abroad' } },
    ]);
    // Which playbooks exist is the content's say (the engine shows the menu for an unknown one); the shape is checked here.
    expect(parseCardSubmit({ start: 'Not a playbook!' })).toEqual({ kind: 'invalid' });
  });
});

describe('the researcher\'s "my cases" card', () => {
  const item = (id: string, status: 'open' | 'awaiting-info', createdAt: string) => {
    const { draft: _d, history: _h, ...rest } = { ...sampleCase(status), id, ref: `RS-2026-00${id}`, createdAt };
    return rest;
  };
  for (const lang of LANGS) {
    it(`lists the cases newest first and the open question with its Reply button, as a valid card (${lang})`, () => {
      const overview = {
        cases: [item('12', 'awaiting-info', '2026-03-02T10:00:00.000Z'), item('11', 'open', '2026-03-01T10:00:00.000Z')],
        questions: [{ caseId: '12', ref: 'RS-2026-0012', text: HOSTILE, here: true }],
      };
      const card = renderCasesCard(overview, (id) => `title of ${id}`, strictUi(lang));
      expectValid(card);
      expectUserTextIsPlain(card);
      const json = JSON.stringify(card);
      expect(json.indexOf('RS-2026-0012')).toBeLessThan(json.indexOf('RS-2026-0011'));
      expect(collect(card).actions.map((a) => parseCardSubmit(a.data))).toEqual([{ kind: 'engine', input: { type: 'action', value: 'case-reply:12' } }]);
    });
  }

  it('offers no Reply for a question another conversation waits for, and says where to answer', () => {
    const card = renderCasesCard(
      { cases: [item('12', 'awaiting-info', '2026-03-02T10:00:00.000Z')], questions: [{ caseId: '12', ref: 'RS-2026-0012', text: 'Which lab?', here: false }] },
      (id) => id,
      strictUi('en'),
    );
    expect(collect(card).actions).toEqual([]);
    expect(JSON.stringify(card)).toContain('Answer it in the conversation where you sent this case.');
  });
});

describe('case card', () => {
  for (const status of ['open', 'taken', 'awaiting-info', 'closed'] as const) {
    for (const lang of LANGS) {
      it(`is a valid 1.5 card for a ${status} case (${lang})`, () => {
        const card = renderCaseCard(sampleCase(status), strictUi(lang));
        expectValid(card);
        expectUserTextIsPlain(card);
      });
    }
  }

  it('shows the case, the outcome with its internals, the answers, facts, history and sources, as the PDF does', () => {
    const visible = checkCard(renderCaseCard(sampleCase('taken'), strictUi('en'))).visibleText.replace(ZWSP, '');
    const parts = [
      'Research security case RS-2025-0001',
      'Case',
      'Status: taken',
      `Researcher: ${HOSTILE}`,
      'teams · aad-1',
      'Handled by: Contact Person',
      'Not without your contact point.',
      'What stops this for now',
      'Risk: High',
      'rule topic-partner-country',
      'Why, and points of attention',
      'seven-sons · serious',
      'To check with your contact point',
      'What the researcher told',
      // A name is one line in every view, whatever was typed.
      `Partner: ${HOSTILE.replace(/\s+/g, ' ')}`,
      'Questions and answers',
      "Partner's name?",
      `→ ${HOSTILE}`,
      'typed by the researcher',
      '→ China',
      'taken from what the researcher said earlier',
      'Steps to take',
      'Talk to your contact point before you sign.',
      'Legal duties and restrictions',
      'Measures that fit',
      'Names checked against lists',
      'matched',
      'score 0.93',
      'xian taken as a campus',
      'History',
      `Who pays? ${HOSTILE}`,
      `The ministry ${HOSTILE}`,
      'Guideline sections',
      'Reporting obligation',
    ];
    let at = -1;
    for (const part of parts) {
      const found = visible.indexOf(part, at + 1);
      expect(found, part).toBeGreaterThan(at);
      at = found;
    }
  });

  it('offers take only on an open case, ask and close until it is closed, nothing after', () => {
    const titles = (status: 'open' | 'taken' | 'closed') => (renderCaseCard(sampleCase(status), strictUi('en')).actions ?? []).map((a) => a.title);
    expect(titles('open')).toEqual(['Take case', 'Ask for more information', 'Close with advice']);
    expect(titles('taken')).toEqual(['Ask for more information', 'Close with advice']);
    expect(titles('closed')).toEqual([]);
  });

  it('sends case actions with the typed question or advice', () => {
    const card = renderCaseCard(sampleCase('open'), strictUi('en'));
    const submits = collect(card).actions.filter((a) => a.type === 'Action.Submit');
    const byAction = Object.fromEntries(submits.map((a) => [(a.data as { caseAction: string }).caseAction, a.data as object]));
    expect(parseCardSubmit(byAction.take)).toEqual({ kind: 'case', action: { action: 'take', caseId: 'case-1', text: '' } });
    expect(parseCardSubmit({ ...byAction.ask, caseQuestion: ' Who funds it? ' })).toEqual({
      kind: 'case',
      action: { action: 'ask', caseId: 'case-1', text: 'Who funds it?' },
    });
    expect(parseCardSubmit({ ...byAction.close, caseAdvice: 'Go ahead.' })).toEqual({
      kind: 'case',
      action: { action: 'close', caseId: 'case-1', text: 'Go ahead.' },
    });
  });
});

describe('escapeMarkdown', () => {
  it('leaves nothing for markdown to act on, and keeps ordinary text readable', () => {
    expect(markdownEffects(escapeMarkdown(HOSTILE))).toEqual([]);
    expect(escapeMarkdown('Case RS-2025-0001 for KU Leuven')).toBe('Case RS-2025-0001 for KU Leuven');
  });
});
