// The pure renderers: escaping and Block Kit limits.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeSlack, slackToPlain } from '../../../src/channels/slack/escape.js';
import { escapeWithin, splitMrkdwn } from '../../../src/channels/slack/render/blocks.js';
import { renderReplies } from '../../../src/channels/slack/render/reply.js';
import { slackTexts } from '../../../src/channels/slack/texts.js';
import { loadUi, DEFAULT_CONTENT_DIR } from '../../../src/content/load.js';
import type { Reply } from '../../../src/engine/types.js';
import { renderCaseCard } from '../../../src/channels/slack/render/case-card.js';
import { renderOutcome } from '../../../src/channels/slack/render/outcome.js';
import { outcome, sampleCase } from '../cards/samples.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const t = slackTexts(loadUi(join(DEFAULT_CONTENT_DIR, 'ui')));

type AnyBlock = { type: string; text?: { text: string }; elements?: Array<{ text?: { text: string }; value?: string }> };

describe('escaping', () => {
  it('leaves no raw <, > or & in escaped text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const escaped = escapeSlack(s);
        expect(escaped).not.toMatch(/[<>]/);
        expect(escaped.replace(/&(amp|lt|gt);/g, '')).not.toContain('&');
        expect(slackToPlain(escaped)).toBe(s);
      }),
    );
  });

  it('decodes what Slack sends into plain text', () => {
    expect(slackToPlain('see <https://x.org|the site> &amp; ask <@U1> in <#C1|general> &lt;b&gt;')).toBe(
      'see the site (https://x.org) & ask @U1 in #general <b>',
    );
  });

  it('cuts escaped text to a limit without breaking an entity', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.integer({ min: 5, max: 80 }), (s, max) => {
        const cut = escapeWithin(s, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(cut.replace(/&(amp|lt|gt);/g, '')).not.toContain('&');
      }),
    );
  });

  it('splits long mrkdwn into pieces within the section limit, losing nothing', () => {
    const long = Array.from({ length: 400 }, (_, i) => `line ${i} &amp; more text here`).join('\n');
    const pieces = splitMrkdwn(long);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(3000);
    expect(pieces.join('\n')).toBe(long);
  });
});

describe('reply rendering within Block Kit limits', () => {
  it('puts 60 choices in actions blocks of at most 25 with labels of at most 75 characters', () => {
    const choices = Array.from({ length: 60 }, (_, i) => ({ label: `Choice ${i} ${'x'.repeat(100)}`, value: `c${i}` }));
    const [message] = renderReplies([{ kind: 'question', step: 's', text: 'Pick', choices }], 'en', t);
    const actions = (message?.blocks ?? []).filter((b) => b.type === 'actions') as AnyBlock[];
    expect(actions.map((a) => a.elements?.length)).toEqual([25, 25, 10]);
    for (const a of actions) for (const e of a.elements ?? []) expect(e.text?.text.length).toBeLessThanOrEqual(75);
    const ids = actions.flatMap((a) => (a.elements ?? []).map((e) => (e as { action_id?: string }).action_id));
    expect(new Set(ids).size).toBe(60);
  });

  it('splits a long turn over several messages of at most 50 blocks and 3000 characters per section', () => {
    const replies: Reply[] = Array.from({ length: 70 }, (_, i) => ({ kind: 'text', text: `Paragraph ${i}: ${'word '.repeat(900)}` }));
    const messages = renderReplies(replies, 'en', t);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) {
      expect(m.blocks.length).toBeLessThanOrEqual(50);
      for (const b of m.blocks as AnyBlock[]) if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(3000);
    }
    expect(messages[1]?.text).toBe('(continued)');
  });

  it('uses Dutch chrome for a Dutch conversation', () => {
    const [message] = renderReplies(
      [{ kind: 'question', step: 's', text: 'Wie is de partner?', choices: [], typeHint: 'een naam', form: { field: 'p', label: 'Gegevens' } }],
      'nl',
      t,
    );
    const text = JSON.stringify(message?.blocks);
    expect(text).toContain('Gegevens invullen');
    expect(text).toContain('Je kunt je antwoord ook typen: een naam.');
  });
});

describe('outcome and case card from the shared document', () => {
  const hostileOutcome = { ...outcome, headline: 'Not yet <!channel> <@U0BOSS>', riskReasons: ['A partner named <https://evil.example|click> & co'] };

  it('escapes every text and links only to our own sources, mail addresses and content URLs', () => {
    const blocks = renderReplies([{ kind: 'outcome', outcome: hostileOutcome, summaryMarkdown: '' }], 'en', t).flatMap((m) => m.blocks);
    const json = JSON.stringify(blocks);
    expect(json).toContain('Not yet &lt;!channel&gt; &lt;@U0BOSS&gt;');
    expect(json).toContain('&lt;https://evil.example|click&gt; &amp; co');
    const links = [...json.matchAll(/<([^<>|]+)\|/g)].map((m) => m[1]);
    expect(links).toEqual(expect.arrayContaining(['https://www.opensanctions.org/', 'mailto:researchsecurity@uhasselt.be']));
    for (const target of links) expect(target).toMatch(/^(https:\/\/(www\.opensanctions\.org|unitracker\.aspi\.org\.au)\/|mailto:)/);
    // The headline comes first, and the notification says it too.
    expect((blocks[1] as AnyBlock).text?.text).toBe('*Not yet &lt;!channel&gt; &lt;@U0BOSS&gt;*');
  });

  it('makes the cited sections links when the public address is known', () => {
    const blocks = renderOutcome(outcome, 'en', t, { linkBase: 'https://advisor.example.be/' });
    expect(JSON.stringify(blocks)).toContain('<https://advisor.example.be/sources/vlir#risks|What are the risks?>');
    expect(JSON.stringify(renderOutcome(outcome, 'en', t))).not.toContain('/sources/vlir#risks');
  });

  it('shows the history, measures and duties on the case card, as the Adaptive Card does', () => {
    const message = renderCaseCard(sampleCase('taken'), t);
    const ids = message.blocks.map((b) => (b as { block_id?: string }).block_id ?? '');
    for (const kind of ['history', 'measures', 'duties', 'answers', 'facts', 'screening', 'sources']) {
      expect(
        ids.some((id) => id.startsWith(`doc-${kind}-`)),
        kind,
      ).toBe(true);
    }
    expect(message.blocks.length).toBeLessThanOrEqual(50);
  });
});

describe('ui texts', () => {
  it('has every key the Slack code asks for', () => {
    const dir = join(import.meta.dirname, '../../../src/channels/slack');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const used = new Set<string>();
    for (const f of files) {
      const source = readFileSync(join(dir, f), 'utf8');
      for (const m of source.matchAll(/\bt\('([a-z0-9-]+)'/g)) used.add(m[1]!);
      for (const m of source.matchAll(/: '(thread-[a-z]+)'/g)) used.add(m[1]!);
    }
    for (const status of ['open', 'taken', 'awaiting-info', 'closed']) used.add(`status-${status}`);
    expect(used.size).toBeGreaterThan(40);
    const ui = loadUi(join(DEFAULT_CONTENT_DIR, 'ui'));
    expect([...used].filter((k) => !ui[`slack.${k}`])).toEqual([]);
  });

  it('has every Slack key in English and Dutch', () => {
    const ui = loadUi(join(DEFAULT_CONTENT_DIR, 'ui'));
    const keys = Object.keys(ui).filter((k) => k.startsWith('slack.'));
    expect(keys.length).toBeGreaterThan(50);
    for (const k of keys) {
      expect(ui[k]?.en.trim()).not.toBe('');
      expect(ui[k]?.nl.trim()).not.toBe('');
    }
  });
});
