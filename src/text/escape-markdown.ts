// Text a person typed, made safe for the document it goes into. In Markdown a partner name such as
// "Acme\n## Advice of the contact point" must stay one line of literal text: it must not start a heading,
// a list, a quote, a link ([x](javascript:…)) or raw HTML (<img onerror>). In HTML and PDF text, control
// and bidirectional-override characters are dropped so the shown text is the stored text.

/** C0/C1 controls (but tab and newline), bidi embeddings/overrides/isolates, zero-width and line/paragraph separators. */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029\u0085]/g;

/** Text for HTML or PDF: no controls or bidi overrides; line breaks kept. */
export function plainText(text: string): string {
  return text.replace(LINE_BREAKS, '\n').replace(INVISIBLE, '');
}

/** One line of plain text: every line break and run of spaces becomes one space. */
export function oneLineText(text: string): string {
  return plainText(text).replace(/\s+/g, ' ').trim();
}

/** Characters Markdown reads anywhere in a line: emphasis, code, links, tables, strikethrough, escapes. */
const MARKDOWN_SPECIAL = /[\\`*_[\]|~]/g;
/** What starts a block at the beginning of a line: a heading, a quote, a list (also "1." / "1)"), a rule. */
const BLOCK_START = /^(\s*)([#>+\-=]|\d+[.)])/;
const HTML_SPECIAL: Record<string, string> = { '&': '&amp;', '<': '&lt;' };

function escapeLine(line: string): string {
  return line
    .replace(/[&<]/g, (c) => HTML_SPECIAL[c] ?? c)
    .replace(MARKDOWN_SPECIAL, (c) => `\\${c}`)
    .replace(BLOCK_START, (_whole, space: string, mark: string) => `${space}${mark.replace(/[.)]$/, (p) => `\\${p}`).replace(/^[#>+\-=]/, (p) => `\\${p}`)}`);
}

/**
 * Inline Markdown that shows exactly `text`: one line, every character Markdown or HTML would read
 * escaped (backslash for Markdown, entities for HTML, so that raw-HTML renderers show it as text too).
 */
export function markdownText(text: string): string {
  return escapeLine(oneLineText(text));
}

/** Several lines of someone's text as a Markdown block quote: each line escaped, none can leave the quote. */
export function markdownQuote(text: string): string {
  return plainText(text)
    .split('\n')
    .map((line) => {
      const escaped = escapeLine(line.trim());
      return escaped === '' ? '>' : `> ${escaped}`;
    })
    .join('\n');
}
