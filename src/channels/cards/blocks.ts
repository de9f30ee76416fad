// Small builders shared by the reply card and the case card (the outcome and the case come from ./document.ts).
import type { Choice } from '../../engine/types.js';
import { escapeMarkdown } from './plain-text.js';
import type { ActionSet, SubmitAction, SubmitData, TextBlock } from './types.js';

/** Teams shows at most six actions in a row before it folds them away; keep rows short. */
const BUTTONS_PER_ROW = 5;

/** Fills `{name}` placeholders of a UI text. Values are not escaped here: callers put the result in plainText() or escapeMarkdown(). */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** A heading in our own words; any dynamic part is escaped. */
export function heading(text: string, size: 'medium' | 'large' = 'medium'): TextBlock {
  return { type: 'TextBlock', text: escapeMarkdown(text), weight: 'bolder', size, wrap: true, style: 'heading' };
}

export function submitButtons(choices: Choice[], data: (choice: Choice) => SubmitData): ActionSet[] {
  const rows: ActionSet[] = [];
  for (let i = 0; i < choices.length; i += BUTTONS_PER_ROW) {
    const actions: SubmitAction[] = choices.slice(i, i + BUTTONS_PER_ROW).map((choice) => ({
      type: 'Action.Submit',
      title: choice.label,
      data: data(choice),
      // A click on a choice must not be blocked by an empty "type your answer" field.
      associatedInputs: 'none',
    }));
    rows.push({ type: 'ActionSet', actions, spacing: 'small' });
  }
  return rows;
}
