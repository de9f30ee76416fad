// One channel-neutral document per outcome and per case; every view (Markdown, PDF, HTML, Block Kit,
// Adaptive Card, terminal) is a thin renderer of it. Pure: imports only engine and content types.
export * from './types.js';
export { outcomeDocument } from './outcome.js';
export { caseDocument, type CaseDocumentSource, type CaseInput } from './case.js';
export { countryName, namesFromContent, type FactNames } from './facts.js';
export { documentTexts, fill, textsFromLookup } from './texts.js';
export { renderMarkdown } from './markdown.js';
