// config/institutions.yaml: where each institution's escalations go (Slack channel, Teams channel, the
// inbox), who may act on them, and addresses that override content/contact-points.yaml.
import { existsSync } from 'node:fs';
import { z } from 'zod';
import type { ContactPoint } from '../content/types.js';
import { ContentError, readYamlFile } from '../content/yaml.js';
import type { InstitutionRouting } from '../service/types.js';
import { ConfigError } from './errors.js';

const email = z.email({ error: 'use an e-mail address, e.g. researchsecurity@example.be' });
const slackId = z.string().regex(/^[A-Z0-9]+$/, 'Slack ids are upper-case letters and digits, e.g. C0123ABCD');

/** SHA-256 of the empty string: a hash of nothing would let a blank login in. */
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const HOW_TO_HASH = 'see docs/operations.md, "Inbox access per institution"';

const tokenSha256 = z
  .string()
  .trim()
  .regex(/^[0-9a-fA-F]{64}$/, `must be the SHA-256 of the inbox token: 64 hexadecimal characters (${HOW_TO_HASH})`)
  .refine((hex) => hex.toLowerCase() !== EMPTY_SHA256, 'is the SHA-256 of an empty token: hash the token itself')
  .transform((hex) => hex.toLowerCase());

/** `inbox: true|false` (the older form) or `inbox: { main, tokenSha256 }`. */
const inboxSchema = z.preprocess(
  (value) => (typeof value === 'boolean' ? { main: value } : value),
  z
    .object(
      {
        /** Whether the web inbox is a main place for this institution's cases. */
        main: z.boolean().default(true),
        /** The institution's contact points log in to /inbox with the token whose SHA-256 this is. */
        tokenSha256: tokenSha256.optional(),
        /** Single sign-on: a contact point whose `sso.claim` (groups or roles) holds one of these values acts for this institution. */
        ssoGroups: z.array(z.string().trim().min(1)).default([]),
        /** Only there to say clearly that a token never goes in this file. */
        token: z.never({ error: `never put the token itself in this file: put its SHA-256 in tokenSha256 (${HOW_TO_HASH})` }).optional(),
      },
      { error: 'use true, false or { tokenSha256: <64 hex characters> }' },
    )
    .strict(),
);

export const institutionEntrySchema = z
  .object({
    /** A contact-point id from content/contact-points.yaml. */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use the id from content/contact-points.yaml, e.g. kuleuven'),
    /** The web inbox for this institution's cases: whether it is a main place for them, and its login. */
    inbox: inboxSchema.default({ main: true, ssoGroups: [] }),
    slack: z.object({ channelId: slackId, teamId: slackId.optional() }).strict().optional(),
    teams: z
      .object({
        serviceUrl: z.url({ protocol: /^https?$/, error: 'use the Bot Framework service URL, e.g. https://smba.trafficmanager.net/emea/' }),
        conversationId: z.string().min(1),
        tenantId: z.string().min(1).optional(),
      })
      .strict()
      .optional(),
    /** Who may take, ask and close this institution's cases, per channel (user ids). */
    contactPoints: z
      .object({
        slack: z.array(slackId).default([]),
        teams: z.array(z.string().min(1)).default([]),
      })
      .strict()
      .default({ slack: [], teams: [] }),
    /** Overrides or adds addresses; the others stay as content/contact-points.yaml gives them. */
    emails: z
      .object({
        main: email.optional(),
        exportControl: email.optional(),
        humanRights: email.optional(),
        dualUse: email.optional(),
        ethics: email.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

/** Which claim of the ID token names a contact point's groups or roles, and which values are the admins. */
const ssoSchema = z
  .object({
    /** e.g. `groups` (Entra ID group object ids) or `roles` (app roles). */
    claim: z.string().trim().min(1).default('groups'),
    /** Values of the claim that see every institution's cases, like INBOX_TOKEN. */
    admin: z.array(z.string().trim().min(1)).default([]),
  })
  .strict();

const institutionsFileSchema = z
  .object({ sso: ssoSchema.default({ claim: 'groups', admin: [] }), institutions: z.array(institutionEntrySchema).default([]) })
  .strict();

/** How a verified identity's claim maps onto institutions (OIDC login). */
export interface SsoMapping {
  claim: string;
  admin: string[];
  institutions: Array<{ institution: string; values: string[] }>;
}

export type InstitutionEntry = z.infer<typeof institutionEntrySchema>;

export interface Institution {
  routing: InstitutionRouting;
  /** The contact point with the file's addresses applied. */
  contactPoint: ContactPoint;
  /** User ids per channel that may act on this institution's cases. */
  contactPointIds: { slack: string[]; teams: string[] };
  /** Lower-case hex SHA-256 of the token that opens /inbox for this institution's cases only. */
  inboxTokenSha256?: string;
}

/** One institution's inbox login, as the web inbox needs it. */
export interface InboxCredential {
  institution: string;
  tokenSha256: string;
}

export interface Institutions {
  list: Institution[];
  byId: Map<string, Institution>;
  routing: InstitutionRouting[];
  /** The institutions that have their own inbox token. */
  inboxCredentials: InboxCredential[];
  /** Single sign-on: claim values per institution. */
  sso: SsoMapping;
}

/**
 * Every contact point in the content is an institution; the file adds channels and overrides addresses.
 * An id the content does not know is an error, so that a typo does not silently drop a channel.
 */
export function buildInstitutions(
  entries: InstitutionEntry[],
  contactPoints: ContactPoint[],
  file: string,
  sso: { claim: string; admin: string[] } = { claim: 'groups', admin: [] },
): Institutions {
  const known = new Map(contactPoints.map((cp) => [cp.id, cp]));
  const problems: string[] = [];
  const entryById = new Map<string, InstitutionEntry>();
  entries.forEach((entry, index) => {
    if (!known.has(entry.id)) {
      problems.push(`${file}: institutions[${index}].id "${entry.id}" is not in content/contact-points.yaml (use one of: ${[...known.keys()].join(', ')})`);
    } else if (entryById.has(entry.id)) {
      problems.push(`${file}: institutions[${index}].id "${entry.id}" is listed twice`);
    }
    entryById.set(entry.id, entry);
  });
  // One token must open one institution's cases: a shared hash would make the login ambiguous.
  const hashOwner = new Map<string, number>();
  entries.forEach((entry, index) => {
    const hash = entry.inbox.tokenSha256;
    if (hash === undefined) return;
    const first = hashOwner.get(hash);
    if (first !== undefined) {
      problems.push(`${file}: institutions[${index}].inbox.tokenSha256 is the same as institutions[${first}]'s: give each institution its own token`);
    } else {
      hashOwner.set(hash, index);
    }
  });
  // One group must mean one institution, or the login could not tell which cases to show.
  const groupOwner = new Map<string, string>(sso.admin.map((value) => [value, 'sso.admin']));
  entries.forEach((entry, index) => {
    for (const value of entry.inbox.ssoGroups) {
      const owner = groupOwner.get(value);
      if (owner !== undefined)
        problems.push(`${file}: institutions[${index}].inbox.ssoGroups "${value}" is also in ${owner}: give each institution its own group`);
      else groupOwner.set(value, `institutions[${index}].inbox.ssoGroups`);
    }
  });
  if (problems.length > 0) throw new ConfigError(problems);

  const list = contactPoints.map((cp): Institution => {
    const entry = entryById.get(cp.id);
    const routing: InstitutionRouting = { id: cp.id, inbox: entry?.inbox.main ?? true };
    if (entry?.slack)
      routing.slack = entry.slack.teamId ? { channelId: entry.slack.channelId, teamId: entry.slack.teamId } : { channelId: entry.slack.channelId };
    if (entry?.teams) {
      routing.teams = { serviceUrl: entry.teams.serviceUrl, conversationId: entry.teams.conversationId };
      if (entry.teams.tenantId) routing.teams.tenantId = entry.teams.tenantId;
    }
    const emails = { ...cp.emails };
    for (const [key, value] of Object.entries(entry?.emails ?? {})) {
      if (value !== undefined) emails[key as keyof typeof emails] = value;
    }
    return {
      routing,
      contactPoint: { ...cp, emails },
      contactPointIds: { slack: entry?.contactPoints.slack ?? [], teams: entry?.contactPoints.teams ?? [] },
      ...(entry?.inbox.tokenSha256 ? { inboxTokenSha256: entry.inbox.tokenSha256 } : {}),
    };
  });
  return {
    list,
    byId: new Map(list.map((i) => [i.routing.id, i])),
    routing: list.map((i) => i.routing),
    inboxCredentials: list.flatMap((i) => (i.inboxTokenSha256 ? [{ institution: i.routing.id, tokenSha256: i.inboxTokenSha256 }] : [])),
    sso: {
      claim: sso.claim,
      admin: sso.admin,
      institutions: entries.filter((e) => e.inbox.ssoGroups.length > 0).map((e) => ({ institution: e.id, values: e.inbox.ssoGroups })),
    },
  };
}

/** Reads the file; a missing file means "every institution, inbox only". */
export function loadInstitutions(file: string, contactPoints: ContactPoint[]): Institutions {
  if (!existsSync(file)) return buildInstitutions([], contactPoints, file);
  try {
    const parsed = readYamlFile(file, institutionsFileSchema);
    return buildInstitutions(parsed.institutions, contactPoints, file, parsed.sso);
  } catch (error) {
    if (error instanceof ContentError) {
      throw new ConfigError(error.problems.map((p) => `INSTITUTIONS_FILE ${error.file}: ${p}`));
    }
    throw error;
  }
}

/** The contact points with the file's addresses, for the engine's outcome and the PDF. */
export function contactPointsWithOverrides(institutions: Institutions): ContactPoint[] {
  return institutions.list.map((i) => i.contactPoint);
}
