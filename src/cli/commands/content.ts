// `advisor content check`: validates content/ and dialogs/ and every playbook graph.
import { checkContent } from '../../content/check.js';
import { loadContent } from '../../content/load.js';
import { missingTranslations } from '../../content/translations.js';
import { pathLengths } from '../../content/path-lengths.js';
import { ContentError } from '../../content/yaml.js';
import { checkCountryNames } from '../../understand/check-countries.js';
import { checkRouterPlaybooks } from '../../understand/check-playbooks.js';
import { loadUnderstandContent } from '../../understand/load.js';
import type { CliIO } from '../io.js';

export async function run(args: string[], io: CliIO): Promise<number> {
  if (args[0] !== 'check') {
    io.stderr.write('usage: advisor content check [--content DIR] [--dialogs DIR]\n');
    return 2;
  }
  const option = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const contentDir = option('--content');
  const dialogsDir = option('--dialogs');
  try {
    const content = loadContent({ ...(contentDir ? { contentDir } : {}), ...(dialogsDir ? { dialogsDir } : {}) });
    const understand = loadUnderstandContent(content.contentDir);
    const problems = [...checkContent(content), ...checkRouterPlaybooks(understand, content.playbooks), ...checkCountryNames(understand)];
    if (problems.length > 0) {
      io.stderr.write(`Content check found ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
      return 1;
    }
    for (const t of missingTranslations(content)) {
      io.stdout.write(
        `${t.name} (${t.lang}): ${t.total - t.missing} of ${t.total} texts translated, ${t.missing} shown in English` +
          (t.examples.length ? `, e.g.:\n${t.examples.map((e) => `    ${e}`).join('\n')}\n` : '.\n'),
      );
    }
    const steps = [...content.playbooks.values()].reduce((n, pb) => n + Object.keys(pb.steps).length, 0);
    io.stdout.write(
      `Content OK: ${content.playbooks.size} playbooks (${steps} steps), ${content.sections.size} cited sections, ` +
        `${content.reference.faq.length} FAQ entries, ${content.reference.measures.length} measures, ${content.reference.duties.length} duties, ` +
        `${content.reference.contactPoints.length} contact points.\n`,
    );
    // Questions per playbook: a harmless case should be short (issue 17: at most 4 questions).
    io.stdout.write('Questions per path (shortest-longest):\n');
    for (const pb of content.playbooks.values()) {
      if (pb.id === 'faq') continue;
      const { shortest, longest } = pathLengths(pb);
      io.stdout.write(`  ${pb.id.padEnd(32)} ${shortest}-${longest}\n`);
    }
    return 0;
  } catch (err) {
    if (err instanceof ContentError) {
      io.stderr.write(`Content error in ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
