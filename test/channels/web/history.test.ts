// The web conversation on the server (issue 13 item 1): the contact point's open question and the
// researcher's own cases come from the store, so any tab shows them.
import { beforeEach, describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/content/load.js';
import { readHistory } from '../../../src/channels/web/chat/history.js';
import { createSqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../../src/store/types.js';
import { T0, at, caseRecord, state, turn } from '../../store/fixtures.js';

const content = loadContent();

describe('the web conversation kept on the server', () => {
  let store: Store;
  beforeEach(async () => {
    store = createSqliteStore({ path: ':memory:' });
    await store.migrate();
  });

  async function withQuestion(): Promise<string> {
    const c = caseRecord('c1');
    await store.commitTurn(turn('web:u1', null, state(1, { pendingCaseQuestion: { caseId: 'c1', caseRef: c.ref, mode: 'later' } }), { newCases: [c] }));
    await store.updateCase({
      caseId: 'c1',
      status: 'awaiting-info',
      event: { at: at(1000), actor: { channel: 'admin', id: 'cp' }, action: 'asked', text: 'Which lab hosts the visitor?' },
    });
    return c.ref;
  }

  it("shows the open question with its Reply button, and the researcher's own cases only", async () => {
    const ref = await withQuestion();
    await store.commitTurn(turn('web:u2', null, state(1), { newCases: [{ ...caseRecord('c2', { userId: 'u2' }) }] }));
    const history = await readHistory({ store, content, conversationKey: 'web:u1', userId: 'u1', after: 0, defaultLang: 'en' });
    expect(history.cases.map((c) => c.ref)).toEqual([ref]);
    const card = JSON.stringify(history.openQuestion);
    expect(card).toContain('Which lab hosts the visitor?');
    expect(card).toContain(ref);
    expect(card).toContain('case-reply:c1');
  });

  it('drops the open question once the case is closed', async () => {
    await withQuestion();
    await store.updateCase({
      caseId: 'c1',
      status: 'closed',
      advice: 'Fine.',
      event: { at: at(2000), actor: { channel: 'admin', id: 'cp' }, action: 'closed', text: 'Fine.' },
    });
    const history = await readHistory({ store, content, conversationKey: 'web:u1', userId: 'u1', after: 0, defaultLang: 'en' });
    expect(history.openQuestion).toBeNull();
    expect(history.cases[0]?.status).toBe('closed');
  });

  it("returns the entries after the page's last one, or everything when that one is gone", async () => {
    await store.commitTurn(turn('web:u1', null, state(1)));
    const first = await store.appendTranscript(
      'web:u1',
      [
        { who: 'researcher', content: 'hello' },
        { who: 'bot', content: [{ kind: 'text', text: 'Hi there' }] },
      ],
      T0,
    );
    const next = await store.appendTranscript('web:u1', [{ who: 'researcher', content: 'second' }], at(1));
    const after = await readHistory({ store, content, conversationKey: 'web:u1', userId: 'u1', after: first, defaultLang: 'en' });
    expect(after.known).toBe(true);
    expect(after.entries).toEqual([{ seq: next, who: 'me', text: 'second' }]);
    const stale = await readHistory({ store, content, conversationKey: 'web:u1', userId: 'u1', after: next + 1000, defaultLang: 'en' });
    expect(stale.known).toBe(false);
    expect(stale.entries.map((e) => e.who)).toEqual(['me', 'bot', 'me']);
    expect(JSON.stringify(stale.entries[1])).toContain('Hi there');
  });
});
