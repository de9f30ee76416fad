// Playbook ids and languages are open strings: the loaded content says which exist. A stored state that names
// a playbook or a language the content no longer has is repaired here, so that it never reaches the runner.
import type { Content } from '../content/load.js';
import { normalize } from './text.js';
import type { ConversationState } from './types.js';

/** The language whose switch words (content/languages.yaml `words`) are exactly what the user typed. */
export function languageNamed(text: string, content: Content): string | undefined {
  const n = normalize(text);
  return content.languages.find((l) => l.words.some((w) => normalize(w) === n))?.code;
}

export function knownLang(lang: string, content: Content): boolean {
  return content.languages.some((l) => l.code === lang);
}

/** The state, fitted to the content: an unknown language becomes English, an unknown playbook ends. */
export function knownState(state: ConversationState, content: Content): ConversationState {
  if (!knownLang(state.lang, content)) state.lang = 'en';
  if (state.clarify) state.clarify = state.clarify.filter((id) => content.playbooks.has(id));
  if (state.playbook && !content.playbooks.has(state.playbook.id)) {
    // While asking, playbookChanged() in step.ts tells the user and shows the menu.
    if (state.phase !== 'asking') {
      state.playbook = undefined;
      state.phase = 'idle';
    }
  }
  return state;
}
