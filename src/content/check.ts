// `advisor content check`: everything a content author can get wrong, as readable lines.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFacts } from './check-facts.js';
import { unlistedLanguages } from './translations.js';
import { parseYaml } from './yaml.js';
import { UNSURE_PREFIX } from '../domain/ids.js';
import { checkCitationsInDir, referenceDocuments } from './anchors.js';
import { checkGraph } from './graph.js';
import type { Content } from './load.js';
import type { Playbook } from './schema/playbook.js';

function playbookReferences(pb: Playbook, content: Content): string[] {
  const problems: string[] = [];
  const flagKnown = (f: string) => content.flags.has(f) || f.startsWith(UNSURE_PREFIX);
  const measureIds = new Set(content.reference.measures.map((m) => m.id));
  const dutyIds = new Set(content.reference.duties.map((d) => d.id));
  const checkFlags = (flags: readonly string[] | undefined, where: string) => {
    for (const f of flags ?? []) if (!flagKnown(f)) problems.push(`${pb.file} ${where}: unknown flag "${f}" (add it to content/flags.yaml)`);
  };
  for (const [id, step] of Object.entries(pb.steps)) {
    const where = `steps.${id}`;
    if (step.type === 'question') {
      step.answers.forEach((a, i) => checkFlags(a.flags, `${where}.answers[${i}].flags`));
      checkFlags(step.unsure.flags, `${where}.unsure.flags`);
    }
    if (step.type === 'outcome') {
      step.measures.forEach((m, i) => {
        if (!measureIds.has(m.id)) problems.push(`${pb.file} ${where}.measures[${i}]: unknown measure "${m.id}" (see content/measures.yaml)`);
      });
      step.duties.forEach((d, i) => {
        if (!dutyIds.has(d.id)) problems.push(`${pb.file} ${where}.duties[${i}]: unknown duty "${d.id}" (see content/duties.yaml)`);
      });
    }
    // Flags named in conditions must exist too, or the condition can never hold.
    const conditions = JSON.stringify(step).matchAll(/"(?:flags|anyFlags|notFlags)":\[([^\]]*)\]/g);
    for (const m of conditions) {
      for (const f of (m[1] ?? '')
        .split(',')
        .map((x) => x.replace(/"/g, ''))
        .filter(Boolean)) {
        if (!flagKnown(f)) problems.push(`${pb.file} ${where}: condition names unknown flag "${f}"`);
      }
    }
  }
  return problems;
}

/** content/playbooks.yaml names playbooks that exist, and the knowledge playbook answers from the FAQ. */
function checkCatalogue(content: Content): string[] {
  const problems: string[] = [];
  content.listedPlaybooks.forEach((id, i) => {
    if (!content.playbooks.has(id)) problems.push(`content/playbooks.yaml menu[${i}]: no playbook "${id}" in dialogs/`);
  });
  const knowledge = content.playbooks.get(content.knowledgePlaybook);
  if (!knowledge) problems.push(`content/playbooks.yaml knowledge: no playbook "${content.knowledgePlaybook}" in dialogs/`);
  else if (!Object.values(knowledge.steps).some((s) => s.type === 'faq')) {
    problems.push(`content/playbooks.yaml knowledge: playbook "${knowledge.id}" has no faq step`);
  }
  return problems;
}

/** content/rules.yaml names duties, flags, links, sections and facts that must exist. */
function checkRules(content: Content): string[] {
  const problems: string[] = [];
  const rules = content.rules;
  const duties = new Set(content.reference.duties.map((d) => d.id));
  const links = new Set(content.reference.links.map((l) => l.id));
  for (const [key, list] of [
    ['requiredDuties', rules.requiredDuties],
    ['licenceDuties', rules.licenceDuties],
    ['outsideEuDuties', rules.outsideEuDuties],
  ] as const) {
    for (const d of list) if (!duties.has(d)) problems.push(`rules.yaml ${key}: unknown duty "${d}" (see content/duties.yaml)`);
  }
  const situations = [...rules.risk, ...rules.escalation.required, ...rules.escalation.offered, ...rules.headlines].map((r) => ({ id: r.id, when: r.when }));
  for (const f of rules.outsideEuFlags) if (!content.flags.has(f)) problems.push(`rules.yaml outsideEuFlags: unknown flag "${f}"`);
  for (const s of situations) {
    for (const f of [...(s.when.anyFlags ?? []), ...(s.when.notFlags ?? [])])
      if (!content.flags.has(f)) problems.push(`rules.yaml ${s.id}: unknown flag "${f}"`);
  }
  for (const r of [...rules.risk, ...rules.escalation.required, ...rules.escalation.offered, ...rules.derive]) {
    for (const c of r.cites) if (!content.sections.has(c)) problems.push(`rules.yaml: "${c}" is not a section of content/sections.yaml`);
  }
  for (const [step, ids] of Object.entries(rules.stepLinks)) {
    for (const l of ids) if (!links.has(l)) problems.push(`rules.yaml stepLinks.${step}: unknown link "${l}" (see content/links.yaml)`);
  }
  const last = rules.risk[rules.risk.length - 1];
  if (last && Object.keys(last.when).length > 0) problems.push('rules.yaml risk: the last rule must hold always (when: {})');
  // A restriction's deciding fact must be something a playbook asks, or that rules.yaml derives.
  const asked = new Set([...content.playbooks.values()].flatMap((pb) => Object.values(pb.steps).flatMap((s) => (s.type === 'question' ? [s.fact] : []))));
  const derived = new Set([...rules.derive.map((d) => d.fact), 'partnerOutsideEu']);
  for (const r of content.reference.restrictions) {
    for (const c of r.conditions) {
      for (const f of [c.fact, ...(c.orFacts ?? [])]) {
        if (!asked.has(f) && !derived.has(f)) problems.push(`restrictions.yaml ${r.id}: condition fact "${f}" is asked by no playbook`);
      }
    }
  }
  return problems;
}

/** Funder ids the router can extract (content/understand/funders.yaml), which a funder-list fact may hold. */
function funderIds(contentDir: string): string[] {
  const file = join(contentDir, 'understand', 'funders.yaml');
  if (!existsSync(file)) return [];
  const data = parseYaml(readFileSync(file, 'utf8'), file) as { funders?: Array<{ id?: unknown }> } | null;
  return (data?.funders ?? []).flatMap((f) => (typeof f.id === 'string' ? [f.id] : []));
}

export function checkContent(content: Content): string[] {
  const problems: string[] = [];
  problems.push(...checkCatalogue(content));
  problems.push(...checkFacts(content, { facts: content.facts, funderIds: funderIds(content.contentDir) }));
  problems.push(...unlistedLanguages(content));
  for (const pb of content.playbooks.values()) {
    problems.push(...checkGraph(pb), ...playbookReferences(pb, content));
  }
  for (const r of content.reference.restrictions) {
    if (!content.flags.has(r.flag)) problems.push(`restrictions.yaml ${r.id}.flag: unknown flag "${r.flag}" (add it to content/flags.yaml)`);
  }
  problems.push(...checkRules(content));
  const documents: Record<string, unknown> = { ...referenceDocuments(content.reference) };
  documents['flags.yaml'] = Object.fromEntries(content.flags);
  for (const pb of content.playbooks.values()) documents[pb.file] = pb;
  problems.push(...checkCitationsInDir(content.contentDir, documents));
  const dialogFiles = readdirSync(content.dialogsDir).filter((f) => f.endsWith('.yaml'));
  if (dialogFiles.length !== content.playbooks.size) problems.push(`dialogs/: ${dialogFiles.length} files but ${content.playbooks.size} playbooks`);
  return problems;
}
