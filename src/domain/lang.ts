// Languages. The list of languages is content (content/languages.yaml); the code knows only the languages
// every shipped text must have. Any further language is optional per text and falls back to English.

/** A language code from content/languages.yaml, e.g. "en", "nl", "fr". Validated against the content at the edges. */
export type Lang = string;

/** Every text in the shipped content exists in these languages; the first is the fallback. */
export const REQUIRED_LANGS = ['en', 'nl'] as const;
export type RequiredLang = (typeof REQUIRED_LANGS)[number];

/** The language a missing translation falls back to. */
const BASE_LANG: RequiredLang = 'en';

/** A text in several languages: the required ones always, further ones where translated. */
export type LocalText = Record<RequiredLang, string> & { readonly [lang: string]: string | undefined };
/** Words or phrases in several languages (yes-words, keywords, synonyms). */
export type LocalList = Record<RequiredLang, string[]> & { readonly [lang: string]: string[] | undefined };

/** The text in this language, or in English when it has not been translated. */
export function pick(text: LocalText, lang: Lang): string {
  return text[lang] ?? text[BASE_LANG];
}

/** All words of a list, in every language: for reading typed answers whatever language they come in. */
export function allWords(list: LocalList): string[] {
  return Object.values(list).flatMap((words) => words ?? []);
}

/** All translations of a text. */
export function allTexts(text: LocalText): string[] {
  return Object.values(text).filter((t): t is string => t !== undefined);
}
