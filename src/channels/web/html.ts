// HTML escaping and the page frame shared by the web chat and the inbox. Every text that did not come
// from this file goes through escapeHtml; pages load only same-origin scripts (the CSP forbids inline ones).

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** A tagged template that escapes every interpolated value unless it is already Html. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = string | number | Html | null | undefined | false | Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (Array.isArray(part)) return part.map(render).join('');
  if (part instanceof Html) return part.value;
  return escapeHtml(String(part));
}

export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

export interface PageOptions {
  lang: string;
  title: string;
  body: Html;
  scripts?: string[];
  styles?: string[];
}

export function page(options: PageOptions): string {
  return `<!doctype html>\n${
    html`<html lang="${options.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title}</title>
${(options.styles ?? []).map((href) => html`<link rel="stylesheet" href="${href}">`)}
</head>
<body>
${options.body}
${(options.scripts ?? []).map((src) => html`<script src="${src}" defer></script>`)}
</body>
</html>`.value
  }\n`;
}
