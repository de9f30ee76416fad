// Builds the engine with everything it reads: content, the router and the screener.
// Shared by the server, the terminal chat, the benchmarks and the tests, so that all give the same advice.
import { loadContent, type Content } from '../content/load.js';
import type { EngineContext } from '../engine/context.js';
import { step } from '../engine/step.js';
import type { EngineInput, Screener, StepResult, TurnMeta } from '../engine/types.js';
import { createScreener, type LoadedDataset } from '../screening/index.js';
import { createUnderstander } from '../understand/index.js';
import type { UnderstandContent } from '../understand/schema.js';

export interface AdvisorEngine {
  content: Content;
  ctx: EngineContext;
  /** Takes stored state as it comes (possibly old or damaged): the engine validates it. */
  step(state: unknown, input: EngineInput, meta: TurnMeta): StepResult;
}

export interface EngineOptions {
  content?: Content;
  /** Sanctions and other lists loaded from SCREENING_DATASETS (the Seven Sons and restrictions come with the content). */
  datasets?: LoadedDataset[];
  /** A dataset older than this is flagged as stale. */
  staleAfterDays?: number;
  /** ISO date used to tell whether a screening dataset is stale. */
  today?: string;
  /** A screener built elsewhere (the server's, which reloads its datasets); then datasets is ignored. */
  screener?: Screener;
  /** The router's content, already loaded (the compiled server's content snapshot). */
  understandContent?: UnderstandContent;
}

export function createAdvisorEngine(options: EngineOptions = {}): AdvisorEngine {
  const content = options.content ?? loadContent();
  const screen =
    options.screener ??
    createScreener({
      sevenSons: content.reference.sevenSons,
      restrictions: content.reference.restrictions,
      datasets: options.datasets ?? [],
      staleAfterDays: options.staleAfterDays ?? 30,
      today: options.today ?? new Date().toISOString().slice(0, 10),
    });
  const ctx: EngineContext = {
    content,
    understand: createUnderstander({ contentDir: content.contentDir, ...(options.understandContent ? { content: options.understandContent } : {}) }),
    screen,
  };
  return { content, ctx, step: (state, input, meta) => step(state, input, ctx, meta) };
}
