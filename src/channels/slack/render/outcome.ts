// An outcome as Block Kit for the researcher: the shared document's sections, in its order.
import { outcomeDocument } from '../../../document/index.js';
import type { Lang } from '../../../engine/ids.js';
import type { Outcome } from '../../../engine/types.js';
import type { SlackTexts } from '../texts.js';
import { type Block, header } from './blocks.js';
import { documentBlocks, type SlackDocumentOptions } from './document.js';

export { emailLink } from './email.js';

export function renderOutcome(outcome: Outcome, lang: Lang, t: SlackTexts, options: SlackDocumentOptions = {}): Block[] {
  const texts = t.document(lang);
  return [header(outcome.playbookTitle), ...documentBlocks(outcomeDocument(outcome, texts, 'researcher', lang), texts, options)];
}
