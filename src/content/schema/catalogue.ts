// content/languages.yaml and content/playbooks.yaml: which languages the advisor speaks, which playbooks it
// offers in which order, and which playbook plays a role the program needs (answering knowledge questions).
import { z } from 'zod';
import { REQUIRED_LANGS } from '../../domain/lang.js';
import { langCode, playbookId } from './local.js';

export const languagesFileSchema = z
  .object({
    languages: z
      .array(
        z
          .object({
            code: langCode,
            /** The language's own name, for the language switch ("Nederlands", "Français"). */
            name: z.string().trim().min(1),
            /** Typed on their own, these words switch the conversation to this language ("français", "in French"). */
            words: z.array(z.string().trim().min(1)).default([]),
          })
          .strict(),
      )
      .min(1)
      .superRefine((list, ctx) => {
        const codes = list.map((l) => l.code);
        for (const required of REQUIRED_LANGS) {
          if (!codes.includes(required)) ctx.addIssue({ code: 'custom', path: [], message: `"${required}" must be listed: every text exists in it` });
        }
        codes.forEach((code, i) => {
          if (codes.indexOf(code) !== i) ctx.addIssue({ code: 'custom', path: [i, 'code'], message: `"${code}" is listed twice` });
        });
      }),
  })
  .strict();
export type LanguagesFile = z.infer<typeof languagesFileSchema>;
export type LanguageDef = LanguagesFile['languages'][number];

export const playbooksFileSchema = z
  .object({
    /** Menu order. Playbooks in dialogs/ that are not listed come after these, by id. */
    menu: z.array(playbookId).default([]),
    /** The playbook that answers knowledge questions from content/faq.yaml. */
    knowledge: playbookId,
  })
  .strict();
