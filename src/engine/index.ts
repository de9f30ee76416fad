// The engine's public face.
export { step } from './step.js';
export type { EngineContext } from './context.js';
export { freshState, parseState } from './state.js';
export { summaryMarkdown, factLines, countryName } from './summary.js';
export { caseRef } from './escalation.js';
export * from './ids.js';
export type * from './types.js';
