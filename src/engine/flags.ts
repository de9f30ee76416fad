// Turns raised flag ids into views with label, dimension and severity.
import { pick } from '../domain/lang.js';
import type { Playbook } from '../content/schema/playbook.js';
import type { Content } from '../content/load.js';
import type { Lang } from './ids.js';
import type { FlagView } from './types.js';
import { makeT } from './i18n.js';

import { UNSURE_PREFIX } from '../domain/ids.js';

export { UNSURE_PREFIX };

export function unsureFlag(fact: string): string {
  return `${UNSURE_PREFIX}${fact}`;
}

export function flagView(id: string, content: Content, playbook: Playbook | undefined, lang: Lang): FlagView {
  const def = content.flags.get(id);
  if (def) return { id, label: pick(def.label, lang), severity: def.severity, dimension: def.dimension };
  if (id.startsWith(UNSURE_PREFIX) && playbook) {
    const fact = id.slice(UNSURE_PREFIX.length);
    const question = Object.values(playbook.steps).find((s) => s.type === 'question' && s.fact === fact);
    if (question && question.type === 'question') {
      return { id, label: makeT(content, lang)('unsure-flag', { short: pick(question.short, lang) }), severity: 'concern', dimension: question.dimension };
    }
  }
  return { id, label: id, severity: 'info', dimension: 'topic' };
}
