// Texts in several languages, derived from the one list of required languages (src/domain/lang.ts).
// Further languages (content/languages.yaml) are optional per text: a missing one falls back to English,
// and `advisor content check` lists what is missing per language.
import { z } from 'zod';
import { REQUIRED_LANGS, type LocalList, type LocalText, type RequiredLang } from '../../domain/lang.js';
import { langCodeSchema, playbookIdSchema } from '../../domain/schemas.js';

export const langCode = langCodeSchema;

function perLanguage<T extends z.ZodType>(value: T, requiredValue: T) {
  const shape = Object.fromEntries(REQUIRED_LANGS.map((lang) => [lang, requiredValue])) as Record<RequiredLang, T>;
  return z
    .object(shape)
    .catchall(value)
    .superRefine((obj, ctx) => {
      for (const key of Object.keys(obj)) {
        if (!langCode.safeParse(key).success) ctx.addIssue({ code: 'custom', path: [key], message: `"${key}" is not a language code (en, nl, fr ...)` });
      }
    });
}

const text = z.string().trim().min(1);
export const localText: z.ZodType<LocalText, unknown> = perLanguage(text, text).meta({
  id: 'LocalText',
  description: 'A text in English and Dutch (required) and any further language of content/languages.yaml (optional: English is shown instead).',
}) as unknown as z.ZodType<LocalText, unknown>;

const words = z.array(z.string().min(1));
export const localList: z.ZodType<LocalList, unknown> = perLanguage(words.default([]), words.default([])).meta({
  id: 'LocalList',
  description: 'Words or phrases per language: en and nl, and any further language of content/languages.yaml.',
}) as unknown as z.ZodType<LocalList, unknown>;

/** A playbook id names a file in dialogs/; which ids exist is the loaded content's say. */
export const playbookId = playbookIdSchema;
