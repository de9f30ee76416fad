// Platform-neutral Adaptive Cards: the engine's replies and the contact point's case card.
// No channel SDK is imported here; Teams and the web chat both use it.
export { renderReplyCard, renderWelcomeCard } from './reply-card.js';
export { renderCaseCard } from './case-card.js';
export { renderCasesCard } from './cases-card.js';
export type { CardDocumentOptions } from './document.js';
export { escapeMarkdown } from './plain-text.js';
export {
  parseCardSubmit,
  type CardSubmit,
  type CaseCardAction,
  type CaseCardActionName,
} from './submit.js';
export { uiLookup } from './ui.js';
export * from './types.js';
