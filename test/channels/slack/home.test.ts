// The App Home tab (issue 13 item 1): the user's cases and any open question from the contact point, with a Reply button.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderHome } from '../../../src/channels/slack/render/home.js';
import { slackTexts } from '../../../src/channels/slack/texts.js';
import { DEFAULT_CONTENT_DIR, loadUi } from '../../../src/content/load.js';
import { caseRecord } from '../../store/fixtures.js';

const t = slackTexts(loadUi(join(DEFAULT_CONTENT_DIR, 'ui')));

describe('the Slack App Home', () => {
  it('lists the open question of a case with a Reply button, above the cases', () => {
    const { draft: _d, history: _h, ...item } = { ...caseRecord('c1'), status: 'awaiting-info' as const };
    const view = renderHome([], [item], new Map(), 'en', t, [{ caseId: 'c1', ref: item.ref, text: 'Which lab hosts the visitor?' }]);
    const json = JSON.stringify(view.blocks);
    expect(json).toContain('Questions from your contact point');
    expect(json).toContain('Which lab hosts the visitor?');
    expect(json).toContain('case-reply:c1');
    expect(json.indexOf('Which lab hosts')).toBeLessThan(json.indexOf('Your cases'));
    expect(json).toContain(item.ref);
  });
});
