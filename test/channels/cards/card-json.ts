// Walks card JSON: which strings sit in TextBlocks (markdown) and which in TextRuns (verbatim), and all actions.
export interface CardStrings {
  textBlocks: string[];
  textRuns: string[];
  factValues: string[];
  actions: Array<Record<string, unknown>>;
}

export function collect(node: unknown, out: CardStrings = { textBlocks: [], textRuns: [], factValues: [], actions: [] }): CardStrings {
  if (Array.isArray(node)) {
    for (const n of node) collect(n, out);
    return out;
  }
  if (node === null || typeof node !== 'object') return out;
  const o = node as Record<string, unknown>;
  if (o.type === 'TextBlock' && typeof o.text === 'string') out.textBlocks.push(o.text);
  if (o.type === 'TextRun' && typeof o.text === 'string') out.textRuns.push(o.text);
  if (o.type === 'FactSet' && Array.isArray(o.facts)) {
    for (const f of o.facts as Array<Record<string, unknown>>) out.factValues.push(String(f.title), String(f.value));
  }
  if (typeof o.type === 'string' && o.type.startsWith('Action.')) out.actions.push(o);
  for (const v of Object.values(o)) collect(v, out);
  return out;
}

/** What a markdown renderer would turn into formatting, ignoring backslash-escaped characters. */
export function markdownEffects(text: string): string[] {
  const unescaped = text.replace(/\\./g, '');
  const effects: string[] = [];
  if (/\*\*[^*]+\*\*/.test(unescaped) || /\*[^*\s][^*]*\*/.test(unescaped)) effects.push('bold/italic');
  if (/_[^_\s][^_]*_/.test(unescaped)) effects.push('italic');
  if (/\[[^\]]*\]\([^)]*\)/.test(unescaped)) effects.push('link');
  if (/^\s*([-+*]|\d+\.)\s/m.test(unescaped)) effects.push('list');
  if (/<[a-z]/i.test(unescaped)) effects.push('html');
  if (/^#/m.test(unescaped)) effects.push('heading');
  return effects;
}
