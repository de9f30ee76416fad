// Free text → playbook + facts, offline and deterministic, with reasons.
// Content (gazetteers, vocabulary, cues) is read and indexed once here; route() and extract()
// are pure functions of the text.
import type { ExtractedFacts, Understander, Understanding } from '../engine/types.js';
import { analyse } from './analyse.js';
import { extractFacts } from './extract.js';
import { buildLexicon } from './lexicon.js';
import { loadUnderstandContent } from './load.js';
import { routerModel } from './model.js';
import type { UnderstandContent } from './schema.js';
import { routeAnalysis } from './route.js';

export interface UnderstanderOptions {
  /** The content/ folder (holding understand/ and lists/); defaults to the repository's. */
  contentDir?: string;
  /** Already loaded and validated (the compiled server's content snapshot). */
  content?: UnderstandContent;
}

export function createUnderstander(options: UnderstanderOptions = {}): Understander {
  const lexicon = buildLexicon(options.content ?? loadUnderstandContent(options.contentDir));
  const model = routerModel(lexicon);
  return {
    route(text: string): Understanding {
      const a = analyse(lexicon, text);
      return routeAnalysis(lexicon, model, a, extractFacts(lexicon, a));
    },
    extract(text: string): ExtractedFacts {
      return extractFacts(lexicon, analyse(lexicon, text));
    },
  };
}
