// The App Home tab, published whenever the user opens it.
import { pick } from '../../../domain/lang.js';
import type { App } from '@slack/bolt';
import type { SlackRuntime } from '../runtime.js';
import { readResearcherCases } from '../../../service/researcher-cases.js';
import { renderHome } from '../render/home.js';
import { playbookList } from '../render/start-menu.js';

export function registerHome(app: App, rt: SlackRuntime): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    rt.directory.rememberDm(event.user, event.channel);
    const lang = (await rt.directory.lang(client, event.user)) ?? 'en';
    const playbooks = playbookList(rt.deps.content.playbooks);
    const titles = new Map<string, string>(playbooks.map((p) => [p.id, pick(p.title, lang)]));
    // The same model as the web chat's case list and the Teams card; Reply continues in the DM.
    const { cases, questions } = await readResearcherCases(rt.deps.store, { channel: 'slack', researcherId: event.user });
    const view = renderHome(
      playbooks.map((p) => ({ id: p.id, title: pick(p.title, lang), description: pick(p.description, lang) })),
      cases,
      titles,
      lang,
      rt.t,
      questions,
    );
    await client.views.publish({ user_id: event.user, view });
  });
}
