// Small builders shared by the reply card and the case card.
import type { Citation, Choice, FlagView, ScreeningHit, Severity } from '../../engine/types.js';
import { escapeMarkdown, plainText } from './plain-text.js';
import type { ActionSet, CardElement, Container, SubmitAction, SubmitData, TextBlock, TextColor, UiLookup } from './types.js';

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

export function sectionTitle(text: string): TextBlock {
  return { type: 'TextBlock', text: escapeMarkdown(text), weight: 'bolder', wrap: true, spacing: 'medium', separator: true };
}

export function bullet(text: string): CardElement {
  return plainText(`• ${text}`, { spacing: 'small' });
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

export const RISK_COLORS: Record<string, TextColor> = { low: 'good', medium: 'warning', high: 'attention' };
const SEVERITY_COLORS: Record<Severity, TextColor> = {
  info: 'default',
  concern: 'warning',
  serious: 'attention',
  blocker: 'attention',
};

export function riskBanner(label: string, riskLabel: string, risk: string): Container {
  const color = RISK_COLORS[risk] ?? 'default';
  const block = plainText(`${label}: ${riskLabel}`, { weight: 'bolder', color });
  return { type: 'Container', style: 'emphasis', items: [block], spacing: 'medium' };
}

export function citationLine(cites: Citation[], ui: UiLookup): CardElement[] {
  if (cites.length === 0) return [];
  const list = cites.map((c) => `${c.title} (${c.section})`).join('; ');
  return [plainText(`${ui('cards.see')}: ${list}`, { isSubtle: true, spacing: 'none' })];
}

export function flagsSection(flags: FlagView[], ui: UiLookup): CardElement[] {
  if (flags.length === 0) return [];
  return [
    sectionTitle(ui('cards.flags')),
    ...flags.map((f) =>
      plainText(`• ${f.label} (${ui(`cards.severity-${f.severity}`)})`, {
        color: SEVERITY_COLORS[f.severity],
        spacing: 'small',
      }),
    ),
  ];
}

/** `always`: show the section (and the "no hit is not a clearance" note) even when nothing matched. */
export function screeningSection(hits: ScreeningHit[], ui: UiLookup, always = false): CardElement[] {
  if (hits.length === 0 && !always) return [];
  const items: CardElement[] = [sectionTitle(ui('cards.screening'))];
  for (const hit of hits) {
    const verdict = hit.match ? ui('cards.screening-match') : ui('cards.screening-possible');
    items.push(
      plainText(`• ${hit.name} — ${verdict}`, { weight: 'bolder', color: hit.match ? 'attention' : 'warning', spacing: 'small' }),
      plainText(
        fill(ui('cards.screening-detail'), {
          matched: hit.matched,
          list: hit.listName,
          date: hit.listDate,
          score: hit.score.toFixed(2),
        }),
        { isSubtle: true, spacing: 'none' },
      ),
    );
    if (hit.why) items.push(plainText(hit.why, { isSubtle: true, spacing: 'none' }));
  }
  if (hits.length === 0) items.push(plainText(ui('cards.screening-none'), { spacing: 'small' }));
  // A name absent from our lists is not proof of anything: say so wherever screening is shown.
  items.push(plainText(ui('cards.no-hit-note'), { isSubtle: true, italic: true, spacing: 'small' }));
  return items;
}
