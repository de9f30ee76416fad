// What a Teams app manifest must hold for this bot; checked before an admin uploads the package.
import { z } from 'zod';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const APP_ID_PLACEHOLDER = '{{MICROSOFT_APP_ID}}';
/** The oldest manifest version we accept; 1.19 is what manifest.json uses. */
const MIN_MANIFEST = [1, 17];

const scope = z.enum(['personal', 'team', 'groupChat']);

export const teamsManifestSchema = z
  .object({
    $schema: z.url(),
    manifestVersion: z.string().refine((v) => {
      const [major = 0, minor = 0] = v.split('.').map(Number);
      return major > (MIN_MANIFEST[0] ?? 1) || (major === MIN_MANIFEST[0] && minor >= (MIN_MANIFEST[1] ?? 0));
    }, 'use manifest version 1.17 or newer'),
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    id: z.string().regex(GUID, 'the app id must be the Microsoft App ID (a GUID)'),
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
                  commands: z.array(z.object({ title: z.string().min(1).max(32), description: z.string().min(1).max(128) })).min(1).max(10),
                }),
              )
              .min(1),
          })
          .loose(),
      )
      .length(1),
  })
  .loose();

export type TeamsManifest = z.infer<typeof teamsManifestSchema>;
