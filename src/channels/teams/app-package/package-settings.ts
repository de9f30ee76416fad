// What `npm run package:teams` fills into manifest/teams/manifest.json: the app id, the publisher's pages and the
// domains the app may open, from the environment (or .env). Nothing of it is a placeholder in the package.
import { z } from 'zod';

const text = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === '' ? undefined : v));

const httpsUrl = (what: string) =>
  text.pipe(z.url({ protocol: /^https$/, error: `must be an https address of ${what}, e.g. https://www.uhasselt.be/en/privacy` }).optional());

/** A host name as Teams wants it in validDomains: no scheme, no path; `*.` allowed in front. */
const domain = z.string().regex(/^(\*\.)?([a-z0-9-]+\.)+[a-z]{2,}$/i, 'a valid domain is a host name such as advisor.uhasselt.be');

export const packageSettingsSchema = z.object({
  MicrosoftAppId: text,
  /** The publisher shown in Teams' app details (at most 32 characters). */
  TEAMS_APP_DEVELOPER_NAME: text.pipe(z.string().max(32, 'must be at most 32 characters').optional()),
  TEAMS_APP_WEBSITE_URL: httpsUrl('the page about the app'),
  TEAMS_APP_PRIVACY_URL: httpsUrl("the app's privacy statement"),
  TEAMS_APP_TERMS_URL: httpsUrl("the app's terms of use"),
  /** Where the server is reached; its host becomes a valid domain. */
  PUBLIC_URL: text.pipe(z.url({ protocol: /^https?$/ }).optional()),
  /** More domains the app's cards may link to, comma-separated. */
  TEAMS_APP_VALID_DOMAINS: text
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((d) => d.trim())
        .filter((d) => d !== ''),
    )
    .pipe(z.array(domain)),
});

export type PackageSettings = z.infer<typeof packageSettingsSchema>;

/** Each placeholder of the manifest template, the setting that fills it, and what to tell an admin who left it out. */
export const PLACEHOLDERS = {
  MICROSOFT_APP_ID: { setting: 'MicrosoftAppId', hint: "the Azure Bot's Microsoft App ID" },
  TEAMS_APP_DEVELOPER_NAME: { setting: 'TEAMS_APP_DEVELOPER_NAME', hint: 'the publisher Teams shows, e.g. "UHasselt Research Office"' },
  TEAMS_APP_WEBSITE_URL: { setting: 'TEAMS_APP_WEBSITE_URL', hint: 'the https page about the app' },
  TEAMS_APP_PRIVACY_URL: { setting: 'TEAMS_APP_PRIVACY_URL', hint: "the https page with the app's privacy statement" },
  TEAMS_APP_TERMS_URL: { setting: 'TEAMS_APP_TERMS_URL', hint: "the https page with the app's terms of use" },
} as const satisfies Record<string, { setting: keyof PackageSettings; hint: string }>;

/** PUBLIC_URL's host and the extra domains, once each. */
export function validDomains(settings: PackageSettings): string[] {
  const hosts = settings.PUBLIC_URL ? [new URL(settings.PUBLIC_URL).hostname] : [];
  return [...new Set([...hosts, ...settings.TEAMS_APP_VALID_DOMAINS])];
}
