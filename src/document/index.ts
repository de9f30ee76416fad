// One channel-neutral document per outcome and per case; every view (Markdown, PDF, HTML, Block Kit,
// Adaptive Card, terminal) is a thin renderer of it. Pure: imports only engine and content types.
export * from './types.js';
export { outcomeDocument, safeHref } from './outcome.js';
export { caseDocument, type CaseDocumentSource, type CaseInput } from './case.js';
export { countryName, factLines, factPairs, namesFromContent, type FactNames } from './facts.js';
export { documentTexts, fill, textsFromLookup } from './texts.js';
export { escapeMarkdownText, renderMarkdown } from './markdown.js';
