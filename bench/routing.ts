// Routing throughput and latency over the public and held-out evaluation sets.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createUnderstander } from '../src/understand/index.js';
import { loadEvalSet } from '../src/understand/evaluate.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export async function benchRouting(): Promise<void> {
  const u = createUnderstander();
  const questions = [...loadEvalSet(join(ROOT, 'eval', 'routing.yaml')), ...loadEvalSet(join(ROOT, 'eval', 'paraphrases.yaml'))].map((i) => i.q);
  for (const q of questions) u.route(q); // warm up
  const rounds = 20;
  const times: number[] = [];
  // Per question, its fastest round: the cost of routing without the noise of a busy machine.
  const best = questions.map(() => Number.POSITIVE_INFINITY);
  const start = performance.now();
  for (let r = 0; r < rounds; r++) {
    questions.forEach((q, i) => {
      const t0 = performance.now();
      u.route(q);
      const dt = performance.now() - t0;
      times.push(dt);
      if (dt < (best[i] ?? Infinity)) best[i] = dt;
    });
  }
  const total = performance.now() - start;
  times.sort((a, b) => a - b);
  best.sort((a, b) => a - b);
  const long = 'I want to collaborate on drone technology with a university in China. '.repeat(300);
  const t0 = performance.now();
  u.route(long);
  const longMs = performance.now() - t0;
  const ms = (x: number): string => `${x.toFixed(3)} ms`;
  process.stdout.write(
    [
      `routing: ${times.length} questions in ${total.toFixed(0)} ms, ${Math.round((times.length / total) * 1000)} questions/s`,
      `  wall clock: p50 ${ms(percentile(times, 50))}  p99 ${ms(percentile(times, 99))}  max ${ms(times[times.length - 1] ?? 0)}`,
      `  best of ${rounds} per question: p50 ${ms(percentile(best, 50))}  p99 ${ms(percentile(best, 99))}`,
      `  one ${long.length}-character message: ${ms(longMs)}`,
      '',
    ].join('\n'),
  );
}
