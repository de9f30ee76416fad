// The fact registry check: every fact a playbook names (a question's fact, a `when` condition, a `set`, a risk
// rule) must be declared in content/facts.yaml, with a value it allows. Without it a typo silently disables a
// branch. Each problem names the file, the path inside it, and the line to add or change in content/facts.yaml.
import { boundedDistance } from '../text/edit-distance.js';
import type { Content } from './load.js';
import type { FactDef } from './schema/facts.js';

/** What a question's input kind may fill. */
const INPUT_FITS: Record<string, readonly FactDef['type'][]> = {
  yesno: ['yesno'],
  choice: ['choice', 'list', 'funder-list', 'yesno'],
  country: ['country-list'],
  domain: ['domain-list'],
  partner: ['text'],
  text: ['text'],
  institution: ['institution'],
};

const ALWAYS = ['unsure'];

function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: { word: string; d: number } | undefined;
  for (const c of candidates) {
    const d = boundedDistance(word.toLowerCase(), c.toLowerCase(), 3);
    if (d <= 3 && (!best || d < best.d)) best = { word: c, d };
  }
  return best?.word;
}

function hint(word: string, candidates: Iterable<string>): string {
  const near = closest(word, candidates);
  return near ? ` (did you mean "${near}"?)` : '';
}

function factLine(name: string, def: FactDef): string {
  const parts = [`type: ${def.type}`];
  if (def.values) parts.push(`values: [${def.values.join(', ')}]`);
  if (def.about) parts.push(`about: ${JSON.stringify(def.about)}`);
  return `  ${name}: { ${parts.join(', ')} }`;
}

export interface FactRegistry {
  facts: Map<string, FactDef>;
  /** Ids that a funder-list fact may hold besides its own values (content/understand/funders.yaml). */
  funderIds: readonly string[];
}

function allowedValues(def: FactDef, content: Content, registry: FactRegistry): ((v: string) => boolean) | null {
  switch (def.type) {
    case 'text':
      return null;
    case 'yesno':
      return (v) => v === 'yes' || v === 'no';
    case 'choice':
    case 'list':
      return (v) => (def.values ?? []).includes(v);
    case 'funder-list':
      return (v) => (def.values ?? []).includes(v) || registry.funderIds.includes(v);
    case 'country-list':
      return (v) => /^[A-Z]{2}$/.test(v);
    case 'domain-list':
      return (v) => v === 'none' || content.reference.techAreas.some((a) => a.id === v);
    case 'institution':
      return (v) => content.reference.contactPoints.some((c) => c.id === v);
  }
}

/** Guesses the declaration of a fact that is not declared yet, from how it is used. */
function proposedDef(values: string[], input: string | undefined): FactDef {
  if (input === 'country') return { type: 'country-list' };
  if (input === 'domain') return { type: 'domain-list' };
  if (input === 'partner' || input === 'text') return { type: 'text' };
  if (input === 'yesno' || (values.length > 0 && values.every((v) => v === 'yes' || v === 'no'))) return { type: 'yesno' };
  return { type: 'choice', values: values.length > 0 ? values : ['TODO'] };
}

export function checkFacts(content: Content, registry: FactRegistry): string[] {
  const problems: string[] = [];
  const reported = new Set<string>();

  const checkName = (file: string, where: string, name: string, values: string[], input?: string): FactDef | undefined => {
    const def = registry.facts.get(name);
    if (def) return def;
    const key = `${file}|${where}|${name}`;
    if (!reported.has(key)) {
      reported.add(key);
      problems.push(
        `${file} ${where}: unknown fact "${name}"${hint(name, registry.facts.keys())}. ` +
          `A new fact? Add this line under "facts:" in content/facts.yaml:\n${factLine(name, proposedDef(values, input))}`,
      );
    }
    return undefined;
  };

  const checkValues = (file: string, where: string, name: string, def: FactDef, values: string[]): void => {
    const allowed = allowedValues(def, content, registry);
    if (!allowed) return;
    for (const v of values) {
      if (ALWAYS.includes(v) || allowed(v)) continue;
      const known = def.type === 'yesno' ? ['yes', 'no'] : def.type === 'domain-list' ? content.reference.techAreas.map((a) => a.id) : (def.values ?? []);
      const fixable = def.type === 'choice' || def.type === 'list' || def.type === 'funder-list';
      problems.push(
        `${file} ${where}: "${v}" is not a value of fact ${name} (${def.type})${hint(v, known)}.` +
          (fixable
            ? ` A new value? Change its line in content/facts.yaml to:\n${factLine(name, { ...def, values: [...(def.values ?? []), v] })}`
            : def.type === 'country-list'
              ? ' Use an ISO code in capitals, e.g. CN.'
              : ` Allowed: ${known.join(', ')}.`),
      );
    }
  };

  const checkCondition = (file: string, where: string, cond: unknown): void => {
    if (!cond || typeof cond !== 'object') return;
    const c = cond as { facts?: Record<string, string | string[]>; known?: string[] };
    for (const [name, wanted] of Object.entries(c.facts ?? {})) {
      const values = [wanted].flat();
      const def = checkName(file, `${where}.facts.${name}`, name, values);
      if (def) checkValues(file, `${where}.facts.${name}`, name, def, values);
    }
    (c.known ?? []).forEach((name, i) => checkName(file, `${where}.known[${i}]`, name, []));
  };

  const walk = (file: string, node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      node.forEach((n, i) => walk(file, n, `${path}[${i}]`));
      return;
    }
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.type === 'question' && typeof o.fact === 'string') {
      const answers = Array.isArray(o.answers) ? (o.answers as Array<{ value: string }>) : [];
      const values = answers.map((a) => a.value);
      const input = typeof o.input === 'string' ? o.input : 'choice';
      const def = checkName(file, `${path}.fact`, o.fact, values, input);
      if (def) {
        if (!(INPUT_FITS[input] ?? []).includes(def.type)) {
          problems.push(`${file} ${path}.input: a "${input}" question cannot fill fact ${o.fact}, which content/facts.yaml declares as ${def.type}`);
        }
        answers.forEach((a, i) => checkValues(file, `${path}.answers[${i}].value`, o.fact as string, def, [a.value]));
      }
    }
    for (const [key, value] of Object.entries(o)) {
      const at = path === '' ? key : `${path}.${key}`;
      if (key === 'when') checkCondition(file, at, value);
      else if (key === 'set' && value && typeof value === 'object' && !Array.isArray(value)) {
        // A step that writes facts directly: { set: { fact: value } }.
        for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
          const values = [v].flat().map(String);
          const def = checkName(file, `${at}.${name}`, name, values);
          if (def) checkValues(file, `${at}.${name}`, name, def, values);
        }
      } else walk(file, value, at);
    }
  };

  for (const pb of content.playbooks.values()) walk(pb.file, pb.steps, 'steps');
  return problems;
}
