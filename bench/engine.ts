// The pure engine alone: a whole drone/China conversation, turn by turn.
import { createAdvisorEngine } from '../src/runtime/engine.js';
import type { ConversationState, EngineInput } from '../src/engine/types.js';
import { percentile } from './stats.js';

export async function benchEngine(): Promise<void> {
  const engine = createAdvisorEngine();
  const script: EngineInput[] = [
    { type: 'text', text: 'Can I work on drones with a university in China?' },
    { type: 'text', text: 'Tsinghua University' },
    { type: 'text', text: 'not sure' },
    { type: 'action', value: 'answer:applied', step: 'ask-trl' },
    { type: 'text', text: 'no' },
    { type: 'text', text: 'nope' },
    { type: 'action', value: 'answer:data-software-knowhow', step: 'ask-sharing' },
  ];
  const times: number[] = [];
  const rounds = 400;
  for (let round = 0; round < rounds; round++) {
    let state: ConversationState | null = null;
    for (const input of script) {
      const t0 = performance.now();
      state = engine.step(state, input, { at: '2026-01-01T00:00:00Z', newId: `id-${round}`, user: { id: 'u', channel: 'cli' } }).state;
      times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  const total = times.reduce((a, b) => a + b, 0);
  console.log(
    `engine.step: ${times.length} turns, p50 ${percentile(times, 50).toFixed(3)} ms, p99 ${percentile(times, 99).toFixed(3)} ms, ${(times.length / (total / 1000)).toFixed(0)} turns/s on one core`,
  );
}
