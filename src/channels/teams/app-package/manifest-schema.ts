// What this bot's Teams app manifest must hold beyond the official schema (official-schema.ts): the scopes it
// serves, a personal command list, Dutch next to English, channel types for a private contact-point channel.
import { z } from 'zod';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The oldest manifest version we accept. */
export const MIN_MANIFEST_VERSION = [1, 22] as const;

const scope = z.enum(['personal', 'team', 'groupChat']);

export function atLeast(version: string, min: readonly [number, number]): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > min[0] || (major === min[0] && minor >= min[1]);
}

export const teamsManifestSchema = z
  .object({
    $schema: z.url(),
    manifestVersion: z.string().refine((v) => atLeast(v, MIN_MANIFEST_VERSION), 'use manifest version 1.22 or newer'),
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    id: z.string().regex(GUID, 'the app id must be the Microsoft App ID (a GUID)'),
    localizationInfo: z.object({
      defaultLanguageTag: z.literal('en', { error: 'the default language is English (en)' }),
      defaultLanguageFile: z.string().min(1),
      additionalLanguages: z
        .array(z.object({ languageTag: z.string(), file: z.string().min(1) }))
        .refine((list) => list.some((l) => l.languageTag === 'nl'), 'Dutch (nl) must be an additional language'),
    }),
    developer: z.object({ name: z.string().min(1), websiteUrl: z.url(), privacyUrl: z.url(), termsOfUseUrl: z.url() }).loose(),
    name: z.object({ short: z.string().min(1).max(30), full: z.string().max(100).optional() }),
    description: z.object({ short: z.string().min(1).max(80), full: z.string().min(1).max(4000) }),
    icons: z.object({ color: z.literal('color.png'), outline: z.literal('outline.png') }),
    accentColor: z.string().regex(/^#[0-9a-fA-F]{6}$/),
    bots: z
      .array(
        z
          .object({
            botId: z.string().regex(GUID, 'the bot id must be the Microsoft App ID (a GUID)'),
            scopes: z.array(scope).refine((s) => ['personal', 'team', 'groupChat'].every((x) => s.includes(x as z.infer<typeof scope>)), {
              message: 'the bot needs the scopes personal, team and groupChat',
            }),
            commandLists: z
              .array(
                z.object({
                  scopes: z.array(scope).min(1),
                  commands: z
                    .array(z.object({ title: z.string().min(1).max(32), description: z.string().min(1).max(128) }))
                    .min(1)
                    .max(10),
                }),
              )
              .refine((lists) => lists.some((l) => l.scopes.includes('personal')), 'a command list for the personal scope is needed'),
          })
          .loose(),
      )
      .length(1),
    // A private or shared contact-point channel needs the app to be allowed there.
    supportedChannelTypes: z
      .array(z.string())
      .refine((t) => t.includes('privateChannels'), 'supportedChannelTypes must include privateChannels (a private contact-point channel)'),
    validDomains: z.array(z.string()).min(1, 'validDomains is empty: set PUBLIC_URL (or TEAMS_APP_VALID_DOMAINS)'),
  })
  .loose();
