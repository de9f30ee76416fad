// The "may import" column of docs/ARCHITECTURE.md, enforced: the sources are read and every import is
// checked against the rules, so that a layer violation fails here instead of in a review.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', 'src');

interface Import {
  /** The importing file, relative to src/ with forward slashes. */
  file: string;
  /** What is imported: a path relative to src/ for our own modules, the package name otherwise. */
  target: string;
  own: boolean;
  typeOnly: boolean;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const IMPORT =
  /^\s*(import|export)\s+(type\s+)?(\{[^}]*\}|[^'";]*?)\s*from\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;

function importsOf(file: string, text: string): Import[] {
  const out: Import[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[4] ?? m[5] ?? m[6] ?? '';
    const names = m[3] ?? '';
    // `import { type A, type B }` is as type-only as `import type { A, B }`.
    const inlineTypes =
      names.startsWith('{') &&
      names
        .slice(1, -1)
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .every((s) => s.startsWith('type '));
    const typeOnly = m[2] !== undefined || (names !== '' && inlineTypes);
    if (spec.startsWith('.')) {
      const target = relative(SRC, resolve(dirname(join(SRC, file)), spec))
        .split(sep)
        .join('/')
        .replace(/\.js$/, '.ts');
      out.push({ file, target, own: true, typeOnly });
    } else {
      const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? spec);
      out.push({ file, target: pkg, own: false, typeOnly });
    }
  }
  return out;
}

const ALL: Import[] = sources(SRC).flatMap((path) => {
  const file = relative(SRC, path).split(sep).join('/');
  return importsOf(file, readFileSync(path, 'utf8'));
});

const isBuiltin = (pkg: string) => pkg.startsWith('node:') || builtinModules.includes(pkg);
const under = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);
const show = (list: Import[]) => list.map((i) => `${i.file} imports ${i.typeOnly ? 'type ' : ''}${i.target}`);

/** Imports from `from` (a folder of src/) to our own modules outside `allowed`; `typesOnly` folders may be imported with `import type`. */
function ownViolations(imports: Import[], from: string, allowed: string[], typesOnly: string[] = []): string[] {
  return show(
    imports.filter(
      (i) =>
        under(i.file, from) &&
        i.own &&
        !under(i.target, from) &&
        !allowed.some((a) => under(i.target, a)) &&
        !(i.typeOnly && typesOnly.some((t) => under(i.target, t))),
    ),
  );
}

describe('the layering of docs/ARCHITECTURE.md', () => {
  it('reads the imports it checks', () => {
    expect(ALL.length).toBeGreaterThan(300);
    expect(ALL.some((i) => i.file === 'engine/step.ts' && i.target === 'engine/runner.ts')).toBe(true);
  });

  it('the engine is pure: no node modules (fs, http, net, child_process, crypto ...), only zod besides its own code', () => {
    const engine = ALL.filter((i) => under(i.file, 'engine'));
    expect(show(engine.filter((i) => !i.own && i.target !== 'zod'))).toEqual([]);
    expect(ownViolations(ALL, 'engine', ['domain', 'text', 'document'], ['content'])).toEqual([]);
  });

  it('the case and outcome document is pure too: domain, text, and types of the engine and content', () => {
    const document = ALL.filter((i) => under(i.file, 'document'));
    expect(show(document.filter((i) => !i.own && i.target !== 'zod'))).toEqual([]);
    expect(ownViolations(ALL, 'document', ['domain', 'text'], ['engine', 'content'])).toEqual([]);
  });

  it('the engine reads no clock and no randomness: time and fresh ids arrive in meta', () => {
    const offenders = sources(join(SRC, 'engine')).filter((p) => /\bDate\.now\(|new Date\(|Math\.random\(|performance\.now\(/.test(readFileSync(p, 'utf8')));
    expect(offenders.map((p) => relative(SRC, p))).toEqual([]);
  });

  it('botbuilder and the Bot Framework stay in src/channels/teams/, @slack/* in src/channels/slack/', () => {
    const teams = ALL.filter((i) => !i.own && /^(botbuilder|botframework-)/.test(i.target) && !under(i.file, 'channels/teams'));
    const slack = ALL.filter((i) => !i.own && i.target.startsWith('@slack/') && !under(i.file, 'channels/slack'));
    expect(show([...teams, ...slack])).toEqual([]);
  });

  it('shared ids and types live in src/domain/, which imports nothing of ours', () => {
    expect(ownViolations(ALL, 'domain', [])).toEqual([]);
    expect(ownViolations(ALL, 'text', [])).toEqual([]);
    expect(show(ALL.filter((i) => under(i.file, 'domain') && !i.own && i.target !== 'zod'))).toEqual([]);
  });

  it('content, store, screening and understanding use the domain, not the engine implementation', () => {
    expect(ownViolations(ALL, 'content', ['domain', 'text'])).toEqual([]);
    // The engine's contract (engine/types.ts) is types only: a stored state and a case draft are its shapes.
    expect(ownViolations(ALL, 'store', ['domain'], ['engine/types.ts'])).toEqual([]);
    expect(ownViolations(ALL, 'screening', ['domain', 'text', 'content'], ['engine/types.ts'])).toEqual([]);
    expect(ownViolations(ALL, 'understand', ['domain', 'text', 'content'], ['engine/types.ts'])).toEqual([]);
  });

  it('the engine, content, screening and understanding never reach for the store, services, channels or the server', () => {
    const outer = ['store', 'service', 'channels', 'server', 'cli', 'app.ts', 'runtime', 'config'];
    for (const inner of ['engine', 'content', 'screening', 'understand', 'domain', 'text']) {
      expect(show(ALL.filter((i) => under(i.file, inner) && i.own && outer.some((o) => under(i.target, o))))).toEqual([]);
    }
  });

  it('channels reach the engine only through its types (the service runs it)', () => {
    const channels = ALL.filter(
      (i) => under(i.file, 'channels') && i.own && under(i.target, 'engine') && !i.typeOnly && !['engine/ids.ts', 'engine/types.ts'].includes(i.target),
    );
    expect(show(channels)).toEqual([]);
  });

  it('catches a violation (the checker itself)', () => {
    const fake = importsOf('content/check.ts', "import { UNSURE_PREFIX } from '../engine/flags.js';\nimport type { Outcome } from '../engine/types.js';\n");
    expect(ownViolations(fake, 'content', ['domain', 'text'])).toEqual([
      'content/check.ts imports engine/flags.ts',
      'content/check.ts imports type engine/types.ts',
    ]);
    expect(ownViolations(fake, 'content', ['domain', 'text'], ['engine/types.ts'])).toEqual(['content/check.ts imports engine/flags.ts']);
    expect(importsOf('engine/x.ts', "import { readFileSync } from 'node:fs';")[0]).toMatchObject({ own: false, target: 'node:fs' });
    expect(isBuiltin('fs')).toBe(true);
  });
});
