// Text someone wrote must be shown as written, never interpreted. Adaptive Cards interpret markdown in
// TextBlock (and FactSet) text, so there are two tools:
// - plainText(): a RichTextBlock of TextRuns. TextRuns are not markdown-interpreted by any renderer, so
//   the text shows verbatim in Teams and in the web chat alike. Used for everything a user or the engine wrote.
// - escapeMarkdown(): backslash-escapes what markdown would act on, for the few TextBlocks whose text is
//   dynamic (a playbook title, a case reference in a heading).
import type { RichTextBlock, Spacing, TextColor, TextRun, TextSize, TextWeight } from './types.js';

/** Characters that start emphasis, links, code, headings, quotes, tables or HTML in TextBlock markdown. */
const INLINE_SIGNIFICANT = /[\\`*_[\]()<>#|~{}!]/g;
/** Line starts that become lists: "- x", "+ x", "1. x". */
const LIST_START = /^(\s*)([-+]|\d+\.)(\s)/gm;

export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(INLINE_SIGNIFICANT, (c) => `\\${c}`)
    .replace(LIST_START, (_m, lead: string, marker: string, space: string) =>
      marker.endsWith('.') ? `${lead}${marker.slice(0, -1)}\\.${space}` : `${lead}\\${marker}${space}`,
    );
}

export interface PlainTextOptions {
  weight?: TextWeight;
  size?: TextSize;
  color?: TextColor;
  isSubtle?: boolean;
  italic?: boolean;
  spacing?: Spacing;
  separator?: boolean;
}

/**
 * Renderers still expand `{{DATE(...)}}` and `{{TIME(...)}}` inside TextRuns; a zero-width space between
 * the braces keeps such text as written.
 */
export function verbatim(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\{\{/g, '{\u200B{');
}

/** A block that shows `text` verbatim. Line breaks are kept as they are. */
export function plainText(text: string, options: PlainTextOptions = {}): RichTextBlock {
  const run: TextRun = { type: 'TextRun', text: verbatim(text) };
  if (options.weight) run.weight = options.weight;
  if (options.size) run.size = options.size;
  if (options.color) run.color = options.color;
  if (options.isSubtle) run.isSubtle = true;
  if (options.italic) run.italic = true;
  const block: RichTextBlock = { type: 'RichTextBlock', inlines: [run] };
  if (options.spacing) block.spacing = options.spacing;
  if (options.separator) block.separator = true;
  return block;
}

/** A label in our own words followed by a value someone wrote, in one verbatim block. */
export function labelled(label: string, value: string, options: PlainTextOptions = {}): RichTextBlock {
  const block = plainText(`${label}: `, { ...options, weight: 'bolder' });
  block.inlines.push({ type: 'TextRun', text: verbatim(value) });
  return block;
}
