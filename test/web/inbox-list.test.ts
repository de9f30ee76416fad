// The inbox list (issue 13 item 8): which cases have a new answer from the researcher, who the researcher
// is, the partner, the playbook and risk, how long each case waited; filter by risk; search by reference and partner.
import { beforeEach, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.js';
import { inboxRows } from '../../src/channels/web/inbox/list.js';
import { inboxTexts, listPage } from '../../src/channels/web/inbox/pages.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/types.js';
import { T0, at, caseRecord, turn, state } from '../store/fixtures.js';

const content = loadContent();

describe('the inbox list', () => {
  let store: Store;
  beforeEach(async () => {
    store = createSqliteStore({ path: ':memory:' });
    await store.migrate();
    const answered = caseRecord('c1');
    answered.researcher.name = 'Zoë Peeters';
    answered.draft.facts.partnerName = 'Northwestern Polytechnical University';
    const quiet = { ...caseRecord('c2', { userId: 'u2' }), risk: 'low' };
    await store.commitTurn(turn('web:u1', null, state(1), { newCases: [answered, quiet] }));
    const cp = { channel: 'admin' as const, id: 'cp' };
    await store.updateCase({ caseId: 'c1', status: 'awaiting-info', event: { at: at(1000), actor: cp, action: 'asked', text: 'Which lab?' } });
    await store.updateCase({
      caseId: 'c1',
      status: 'taken',
      event: { at: at(2000), actor: { channel: 'web', id: 'u1' }, action: 'answered', text: 'The flight lab.' },
    });
  });

  async function page(query: { risk?: string; q?: string } = {}): Promise<string> {
    const list = await store.listCases();
    const rows = await inboxRows(store, list, query, new Date(Date.parse(T0) + 50 * 3_600_000));
    return listPage(inboxTexts(content, 'en'), {
      cases: list,
      rows,
      query,
      lang: 'en',
      tokenLogin: false,
      institutionName: (id) => id,
      playbookTitle: (id) => id,
      actorName: '',
    });
  }

  it('marks the case with a new answer and shows the researcher, the partner, the risk and the wait', async () => {
    const html = await page();
    const row = /<tr data-ref="RS-C1"[\s\S]*?<\/tr>/i.exec(html)?.[0] ?? '';
    const other = /<tr data-ref="RS-C2"[\s\S]*?<\/tr>/i.exec(html)?.[0] ?? '';
    expect(row).toContain('new answer');
    expect(other).not.toContain('new answer');
    expect(row).toContain('Zoë Peeters');
    expect(row).toContain('Northwestern Polytechnical University');
    expect(row).toContain('risk-high');
    expect(row).toMatch(/waiting 2 days/);
  });

  it('filters by risk and searches by reference and partner', async () => {
    expect(await page({ risk: 'low' })).not.toContain('data-ref="RS-C1"');
    expect(await page({ risk: 'low' })).toContain('data-ref="RS-C2"');
    const byPartner = await page({ q: 'northwestern' });
    expect(byPartner).toContain('data-ref="RS-C1"');
    expect(byPartner).not.toContain('data-ref="RS-C2"');
    expect(await page({ q: 'rs-c2' })).not.toContain('data-ref="RS-C1"');
  });
});
