// The playbook menu shown for an empty /research-security or mention: one start button per playbook.
import { pick } from '../../../domain/lang.js';
import type { Lang } from '../../../engine/ids.js';
import type { Playbook } from '../../../content/schema/playbook.js';
import { ACTION } from '../actions.js';
import { escapeSlack } from '../escape.js';
import type { SlackRuntime } from '../runtime.js';
import { actionRows, button, sections, type SlackMessage } from './blocks.js';

export function playbookList(playbooks: Map<string, Playbook>): Playbook[] {
  return [...playbooks.values()];
}

export function startMenu(rt: Pick<SlackRuntime, 't' | 'deps'>, lang: Lang): SlackMessage {
  const text = escapeSlack(rt.t('command-menu', lang));
  const buttons = playbookList(rt.deps.content.playbooks).map((p) => button(pick(p.title, lang), `${ACTION.start}:${p.id}`, p.id));
  return { text, blocks: [...sections(text), ...actionRows(buttons)] };
}
