// The router names playbooks in content/understand/ (intents, clarifying defaults, the knowledge topics,
// the label of every example and spent blind question); each must be a playbook in dialogs/. Part of
// `advisor content check`.
import { loadExamples } from './examples.js';
import type { UnderstandContent } from './schema.js';

export function checkRouterPlaybooks(understand: UnderstandContent, playbooks: ReadonlySet<string> | ReadonlyMap<string, unknown>): string[] {
  const problems: string[] = [];
  for (const id of Object.keys(understand.intents.intents)) {
    if (!playbooks.has(id)) problems.push(`content/understand/intents.yaml intents.${id}: no playbook "${id}" in dialogs/`);
  }
  const knowledge = understand.intents.faqTopics?.playbook;
  if (knowledge !== undefined && !playbooks.has(knowledge))
    problems.push(`content/understand/intents.yaml faqTopics.playbook: no playbook "${knowledge}" in dialogs/`);
  understand.context.clarifyDefaults.forEach((id, i) => {
    if (!playbooks.has(id)) problems.push(`content/understand/context.yaml clarifyDefaults[${i}]: no playbook "${id}" in dialogs/`);
  });
  for (const e of loadExamples(understand.examplesDir).examples) {
    if (e.playbook !== null && !playbooks.has(e.playbook))
      problems.push(`content/understand/examples/${e.file}: no playbook "${e.playbook}" in dialogs/ (for "${e.text.slice(0, 40)}…")`);
  }
  return problems;
}
