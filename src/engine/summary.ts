// The outcome as Markdown, for the researcher (the reply's summaryMarkdown, the case draft): a thin wrapper
// over the channel-neutral document, so that it shows the same sections, in the same order, as every view.
import type { Content } from '../content/load.js';
import { documentTexts, outcomeDocument, renderMarkdown } from '../document/index.js';
import type { Lang } from './ids.js';
import type { AnswerRecord, Facts, Outcome } from './types.js';

export { countryName } from '../document/index.js';

/** Facts and answers are the contact point's part of a case (its CaseDocument); the researcher's summary is the outcome. */
export function summaryMarkdown(outcome: Outcome, _facts: Facts, _answers: AnswerRecord[], content: Content, lang: Lang): string {
  return renderMarkdown(outcomeDocument(outcome, documentTexts(content.ui, lang), 'researcher', lang));
}
