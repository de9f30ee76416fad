// Everything the engine reads besides state and input. All of it is data or pure functions,
// built once at start, so that a step stays deterministic.
import type { Content } from '../content/load.js';
import type { Screener, Understander } from './types.js';

export interface EngineContext {
  content: Content;
  understand: Understander;
  screen: Screener;
}
