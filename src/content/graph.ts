// Playbooks are graphs as data; these checks prove every path ends in an outcome.
import type { Goto, Playbook, Step } from './schema/playbook.js';

function gotoTargets(goto: Goto | undefined): string[] {
  if (goto === undefined) return [];
  return typeof goto === 'string' ? [goto] : goto.map((b) => b.goto);
}

/** Every step a step can lead to, taking every branch. */
export function successors(step: Step): string[] {
  switch (step.type) {
    case 'question':
      return [
        ...new Set([...step.answers.flatMap((a) => (a.next ? [a.next] : [])), ...(step.unsure.next ? [step.unsure.next] : []), ...gotoTargets(step.next)]),
      ];
    case 'check':
      return gotoTargets(step.next);
    default:
      return [];
  }
}

function isTerminal(step: Step): boolean {
  return step.type === 'outcome' || step.type === 'faq';
}

/** Problems with the graph of one playbook, one readable line each. */
export function checkGraph(pb: Playbook): string[] {
  const problems: string[] = [];
  const where = (id: string) => `${pb.file} steps.${id}`;
  const ids = new Set(Object.keys(pb.steps));
  if (!ids.has(pb.start)) problems.push(`${pb.file} start: "${pb.start}" is not a step`);

  for (const [id, step] of Object.entries(pb.steps)) {
    for (const target of successors(step)) {
      if (!ids.has(target)) problems.push(`${where(id)}: leads to "${target}", which is not a step`);
    }
    if (step.type === 'question') {
      for (const [i, a] of step.answers.entries()) {
        if (!a.next && step.next === undefined) problems.push(`${where(id)}.answers[${i}]: has no next step and the question has no next`);
        for (const other of a.includes ?? []) {
          if (other === a.value || !step.answers.some((x) => x.value === other))
            problems.push(`${where(id)}.answers[${i}].includes: "${other}" is not another answer of this question`);
        }
        for (const other of a.qualifies ?? []) {
          if (other === a.value || !step.answers.some((x) => x.value === other))
            problems.push(`${where(id)}.answers[${i}].qualifies: "${other}" is not another answer of this question`);
        }
      }
      for (const [i, a] of step.answers.entries()) {
        if (a.alliedOnly !== undefined && (a.alliedOnly === a.value || !step.answers.some((x) => x.value === a.alliedOnly)))
          problems.push(`${where(id)}.answers[${i}].alliedOnly: "${a.alliedOnly}" is not another answer of this question`);
      }
      for (const value of step.several ?? []) {
        if (!step.answers.some((x) => x.value === value)) problems.push(`${where(id)}.several: "${value}" is not an answer of this question`);
      }
      for (const later of step.answersAlso ?? []) {
        if (pb.steps[later]?.type !== 'question') problems.push(`${where(id)}.answersAlso: "${later}" is not a question of this playbook`);
      }
      // The recorded answer of several decides where to go: answers of their own way on would make that a guess.
      if (step.several && step.answers.some((a) => step.several?.includes(a.value) && a.next !== undefined))
        problems.push(`${where(id)}.several: an answer named with others has no next of its own; use the question's next`);
      if (!step.unsure.next && step.next === undefined) problems.push(`${where(id)}.unsure: "not sure" has nowhere to go; give the question a next`);
      if (step.when && step.next === undefined) problems.push(`${where(id)}.next: a question with a when needs a next, for when it is skipped`);
      if ((step.input === 'choice' || step.input === 'yesno') && step.answers.length < 2)
        problems.push(`${where(id)}.answers: a choice needs at least two answers`);
      if (step.input === 'yesno') {
        const values = step.answers
          .map((a) => a.value)
          .sort()
          .join(',');
        if (values !== 'no,yes') problems.push(`${where(id)}.answers: a yesno question has exactly the answers yes and no`);
      }
    }
    for (const goto of step.type === 'question' || step.type === 'check' ? [step.next] : []) {
      if (Array.isArray(goto) && goto[goto.length - 1]?.when)
        problems.push(`${where(id)}.next: the last branch must have no when, so that there is always a way on`);
    }
  }

  // Reachability and cycles, by depth-first search from the start.
  const reached = new Set<string>();
  const onPath = new Set<string>();
  const visit = (id: string): void => {
    const step = pb.steps[id];
    if (!step) return;
    if (onPath.has(id)) {
      problems.push(`${where(id)}: is part of a loop; every path must end in an outcome`);
      return;
    }
    if (reached.has(id)) return;
    reached.add(id);
    onPath.add(id);
    const next = successors(step);
    if (next.length === 0 && !isTerminal(step)) problems.push(`${where(id)}: leads nowhere; every path must end in an outcome`);
    for (const target of next) visit(target);
    onPath.delete(id);
  };
  visit(pb.start);
  for (const id of ids) if (!reached.has(id)) problems.push(`${where(id)}: cannot be reached from the start`);
  if (
    ![...ids].some((id) => {
      const s = pb.steps[id];
      return s !== undefined && isTerminal(s);
    })
  )
    problems.push(`${pb.file}: has no outcome`);
  return problems;
}
