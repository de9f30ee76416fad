// The Teams part of the environment. The central config module composes this schema.
import { z } from 'zod';

const optional = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** "a, b" → ['a','b']; empty or unset → []. */
const list = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== ''),
  );

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const teamsConfigFields = z.object({
  /** The Azure Bot's Microsoft App ID; without it (and a password or managed identity) Teams is off. */
  MicrosoftAppId: optional,
  MicrosoftAppPassword: optional,
  /** Required for SingleTenant and UserAssignedMSI bots. */
  MicrosoftAppTenantId: optional,
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
  /** Tenants (AAD directory ids) whose users the bot answers; empty means every tenant. */
  TEAMS_ALLOWED_TENANTS: list.pipe(z.array(z.string().regex(guid, 'a tenant id is a GUID'))),
  /** AAD object ids that may act on any case, besides members of the contact-point team. */
  TEAMS_CONTACT_POINT_USERS: list.pipe(z.array(z.string().min(1))),
  /**
   * Who may take, ask about and close a case besides those ids: 'channel' (default), the members of the
   * contact-point channel the card is in (a private or shared channel's own members); 'list', nobody else;
   * 'group', the members (transitive) of the Entra ID group TEAMS_CONTACT_POINT_GROUP, read from Microsoft Graph.
   */
  TEAMS_CONTACT_POINT_ACCESS: z.enum(['channel', 'list', 'group'], { error: 'must be channel, list or group' }).default('channel'),
  /** With access 'group': the group's object id. */
  TEAMS_CONTACT_POINT_GROUP: optional.pipe(z.string().regex(guid, 'a group id is a GUID').optional()),
  /** How long a read of the group counts as current; then it is read again in the background. */
  TEAMS_CONTACT_POINT_GROUP_TTL_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  /** Microsoft Graph's base URL: another one for a national cloud (https://graph.microsoft.us, ...) or a test. */
  GRAPH_API_URL: z.url().default('https://graph.microsoft.com'),
  /** Where the Graph token is asked for (client credentials of the bot's app registration). */
  GRAPH_LOGIN_URL: z.url().default('https://login.microsoftonline.com'),
});

/** Reading a group needs the group id, the tenant and a client secret of the bot's app registration. */
export function checkTeamsGroupSettings(config: z.infer<typeof teamsConfigFields>, ctx: z.RefinementCtx): void {
  if (config.TEAMS_CONTACT_POINT_ACCESS !== 'group') return;
  const need = (path: string, why: string) => ctx.addIssue({ code: 'custom', path: [path], message: `TEAMS_CONTACT_POINT_ACCESS=group needs ${why}` });
  if (!config.TEAMS_CONTACT_POINT_GROUP) need('TEAMS_CONTACT_POINT_GROUP', 'the group id');
  if (!config.MicrosoftAppTenantId) need('MicrosoftAppTenantId', 'the tenant id to ask Microsoft Graph');
  if (!config.MicrosoftAppPassword) need('MicrosoftAppPassword', 'the app password (client secret) to ask Microsoft Graph');
}

export const teamsConfigSchema = teamsConfigFields.superRefine(checkTeamsGroupSettings);

export type TeamsConfig = z.infer<typeof teamsConfigSchema>;

/** Teams is on when the app id is set with a password, or with a managed identity. */
export function teamsEnabled(config: TeamsConfig): boolean {
  if (!config.MicrosoftAppId) return false;
  if (config.MicrosoftAppType === 'UserAssignedMSI') return Boolean(config.MicrosoftAppTenantId);
  return Boolean(config.MicrosoftAppPassword);
}
