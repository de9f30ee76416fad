// The App Home tab: a start button per playbook and the user's own cases with their status.
import type { types } from '@slack/bolt';
import type { Lang, PlaybookId } from '../../../engine/ids.js';
import type { OpenCaseQuestion } from '../../../service/researcher-cases.js';
import type { CaseListItem } from '../../../store/types.js';
import { ACTION } from '../actions.js';
import { escapeSlack } from '../escape.js';
import type { SlackTexts } from '../texts.js';
import { type Block, button, divider, header, sections } from './blocks.js';
import { MAX_BLOCKS_PER_VIEW } from './limits.js';
import { statusLabel } from './case-card.js';

export interface HomePlaybook {
  id: PlaybookId;
  title: string;
  description: string;
}

/** A contact point's question still waiting for the researcher's answer. */
export type HomeQuestion = Pick<OpenCaseQuestion, 'caseId' | 'ref' | 'text'>;

/** Cases shown on the Home tab, newest first; older ones stay reachable through the contact point. */
const MAX_CASES = 30;

export function renderHome(
  playbooks: HomePlaybook[],
  cases: CaseListItem[],
  playbookTitles: Map<string, string>,
  lang: Lang,
  t: SlackTexts,
  questions: HomeQuestion[] = [],
): types.HomeView {
  const blocks: Block[] = [header(t('home-title', lang)), ...sections(escapeSlack(t('home-intro', lang))), divider()];
  // Open questions first (issue 13): the Reply button continues in the user's DM, like the chat's own Reply.
  if (questions.length > 0) {
    blocks.push(header(t('home-questions', lang)));
    questions.forEach((q, i) => {
      blocks.push({
        type: 'section',
        text: { type: 'mrkdwn', text: `*${escapeSlack(q.ref)}*\n${escapeSlack(q.text)}`.slice(0, 3000) },
        accessory: button(t('home-reply', lang), `${ACTION.choice}:home-${i}`, JSON.stringify({ v: `case-reply:${q.caseId}` })),
      });
    });
    blocks.push(divider());
  }
  for (const p of playbooks) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: `*${escapeSlack(p.title)}*\n${escapeSlack(p.description)}`.slice(0, 3000) },
      accessory: button(t('home-start', lang), `${ACTION.start}:${p.id}`, p.id),
    });
  }
  blocks.push(divider(), header(t('home-cases', lang)));
  const sorted = [...cases].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, MAX_CASES);
  if (sorted.length === 0) {
    blocks.push(...sections(`_${escapeSlack(t('home-no-cases', lang))}_`));
  } else {
    const lines = sorted.map(
      (c) =>
        `• ${escapeSlack(
          t('home-case-line', lang, {
            ref: c.ref,
            playbook: playbookTitles.get(c.playbook) ?? c.playbook,
            status: statusLabel(c.status, lang, t),
            date: c.createdAt.slice(0, 10),
          }),
        )}`,
    );
    blocks.push(...sections(lines.join('\n')));
  }
  return { type: 'home', blocks: blocks.slice(0, MAX_BLOCKS_PER_VIEW) };
}
