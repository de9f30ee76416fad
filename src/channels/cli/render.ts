// Renders the reply model as plain text with button labels: the terminal and the JSON-lines protocol.
import type { Reply } from '../../engine/types.js';

export interface PlainReply {
  text: string;
  buttons: string[];
}

export function toPlain(reply: Reply): PlainReply {
  switch (reply.kind) {
    case 'text':
      return { text: reply.text, buttons: [] };
    case 'question':
      return { text: reply.help ? `${reply.text}\n${reply.help}` : reply.text, buttons: reply.choices.map((c) => c.label) };
    case 'outcome':
      return { text: reply.summaryMarkdown, buttons: [] };
    case 'case-created':
      return { text: reply.text, buttons: [] };
    case 'menu':
      return { text: reply.text, buttons: reply.choices.map((c) => c.label) };
  }
}

/** The button a typed line clicks: an exact label of the last replies, the latest reply first. */
export function clickedChoice(replies: readonly Reply[], line: string): { value: string; step?: string } | undefined {
  for (let i = replies.length - 1; i >= 0; i--) {
    const reply = replies[i];
    if (!reply || (reply.kind !== 'question' && reply.kind !== 'menu')) continue;
    const choice = reply.choices.find((c) => c.label === line);
    if (choice) return reply.kind === 'question' ? { value: choice.value, step: reply.step } : { value: choice.value };
  }
  return undefined;
}
