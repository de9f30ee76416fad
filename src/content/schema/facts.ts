// content/facts.yaml: every fact a playbook reads or writes, with its type and allowed values.
import { z } from 'zod';

const FACT_TYPES = ['yesno', 'choice', 'list', 'text', 'country-list', 'domain-list', 'funder-list', 'institution'] as const;

const value = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a value is lower-case words joined by hyphens');

export const factDefSchema = z
  .object({
    type: z.enum(FACT_TYPES),
    /** The values a choice or list may take (for funder-list: besides the funders' ids). "unsure" is always allowed. */
    values: z.array(value).optional(),
    /** What the fact is, for authors. */
    about: z.string().optional(),
  })
  .strict()
  .superRefine((def, ctx) => {
    if ((def.type === 'choice' || def.type === 'list') && (def.values ?? []).length === 0) {
      ctx.addIssue({ code: 'custom', path: ['values'], message: `a ${def.type} fact lists its values` });
    }
  });
export type FactDef = z.infer<typeof factDefSchema>;

export const factsFileSchema = z
  .object({ facts: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'a fact name is one word in camelCase, e.g. partnerKind'), factDefSchema) })
  .strict();
