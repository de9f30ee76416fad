// The shapes of a playbook id and a language code, for every edge that reads one (state, inbound actions,
// eval sets, content). Whether the id or language exists is the loaded content's say.
import { z } from 'zod';
import { PLAYBOOK_ID_PATTERN } from './ids.js';

export const playbookIdSchema = z.string().regex(PLAYBOOK_ID_PATTERN, 'a playbook id is lower-case words joined by hyphens, e.g. partner-check');

/** A language code as content writes it: "en", "nl", "fr", "pt-br". */
export const langCodeSchema = z.string().regex(/^[a-z]{2}(-[a-z]{2})?$/, 'use a language code such as en, nl or fr');
