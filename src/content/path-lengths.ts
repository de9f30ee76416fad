// How many questions a playbook asks at least and at most, from its graph: a question with a `when` may be
// skipped, so it counts for the longest path only. Shown by `advisor content check`.
import { successors } from './graph.js';
import type { Playbook } from './schema/playbook.js';

export interface PathLengths {
  shortest: number;
  longest: number;
}

export function pathLengths(pb: Playbook): PathLengths {
  const memo = new Map<string, PathLengths>();
  const visit = (id: string, depth: number): PathLengths => {
    const known = memo.get(id);
    if (known) return known;
    const step = pb.steps[id];
    if (!step || depth > 500) return { shortest: 0, longest: 0 };
    const next = successors(step).map((n) => visit(n, depth + 1));
    const asked = step.type === 'question' ? 1 : 0;
    const optional = step.type === 'question' && step.when !== undefined;
    const result: PathLengths =
      next.length === 0
        ? { shortest: 0, longest: asked }
        : {
            shortest: (optional ? 0 : asked) + Math.min(...next.map((n) => n.shortest)),
            longest: asked + Math.max(...next.map((n) => n.longest)),
          };
    memo.set(id, result);
    return result;
  };
  return visit(pb.start, 0);
}
