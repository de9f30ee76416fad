// The router names playbooks in content/understand/ (intents, clarifying defaults, the knowledge topics);
// each must be a playbook in dialogs/. Part of `advisor content check`.
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
  return problems;
}
